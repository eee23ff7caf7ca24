package io.stepwise.internal.loop;

import static io.stepwise.fixture.Steps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Event;
import io.stepwise.StepFailedEvent;
import io.stepwise.fixture.Events.Answer;
import io.stepwise.fixture.Events.Ask;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Other;
import io.stepwise.fixture.Events.Start;
import io.stepwise.spi.AnnotatedRetry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reducer's collect buffers, waiters, error handlers and retry delays, without threads. */
class RunLoopContextTest {
  private static final List<Class<? extends Event>> MID_OTHER = List.of(Mid.class, Other.class);

  @Test
  void collectAnswersOnceEveryExpectedTypeArrivedInExpectedOrder() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Done.class));
    run.start(new Start(1));

    assertEquals(List.of("collected #1 null"), run.tick(new Tick.CollectRequested(1, new Other("o"), MID_OTHER)));
    assertEquals(List.of("collected #1 [Mid[n=2], Other[text=o]]"),
        run.tick(new Tick.CollectRequested(1, new Mid(2), MID_OTHER)));
    assertEquals(List.of("collected #1 null"), run.tick(new Tick.CollectRequested(1, new Mid(3), MID_OTHER)));
  }

  @Test
  void collectForADeadExecutionAnswersNotYet() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Done.class));
    run.start(new Start(1));

    assertEquals(List.of("collected #9 null"), run.tick(new Tick.CollectRequested(9, new Mid(1), MID_OTHER)));
  }

  @Test
  void waiterEventIsPublishedAndArrivingEventsAreOfferedUntilMatched() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Done.class).awaits(Answer.class));
    run.start(new Start(1));

    assertEquals(List.of("publish Ask[question=ok?]", "schedule WaitTimedOut[key=2, execution=1, seq=1] in PT5S"),
        run.tick(new Tick.WaitStarted(1, 1, Answer.class, new Ask("ok?"), Duration.ofSeconds(5))));
    assertEquals(List.of("offer #1/1 Answer[text=no]"), run.tick(new Tick.EventPosted(new Answer("no"), -1)));
    assertEquals(List.of("unschedule 2"), run.tick(new Tick.WaitMatched(1, 1, new Answer("yes"))));
    assertEquals(List.of(), run.tick(new Tick.EventPosted(new Answer("late"), -1)));
  }

  @Test
  void expiredWaitIsReportedToTheStepOnce() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Done.class).awaits(Answer.class));
    run.start(new Start(1));
    run.tick(new Tick.WaitStarted(1, 1, Answer.class, null, Duration.ofSeconds(5)));

    assertEquals(List.of("expired #1/1 Answer"), run.tick(new Tick.WaitTimedOut(2, 1, 1)));
    assertEquals(List.of(), run.tick(new Tick.WaitTimedOut(2, 1, 1)));
  }

  @Test
  void exhaustedFailureGoesToTheScopedHandlerBeforeTheWildcard() {
    LoopHarness run = new LoopHarness(
        step("a", Start.class).emits(Done.class),
        step("any", StepFailedEvent.class).emits(Done.class).catches(1),
        step("mine", StepFailedEvent.class).emits(Done.class).catches(1, "a"));
    run.start(new Start(1));

    List<String> commands = run.tick(new Tick.StepThrew(1, new IllegalStateException("boom"), Duration.ofMillis(7)));

    assertEquals(1, commands.size());
    assertTrue(commands.getFirst().startsWith("start #2 mine [StepFailedEvent[step=a, input=Start[n=1],"
        + " error=java.lang.IllegalStateException: boom, attempts=1, elapsed=PT0.007S]]"), commands.getFirst());
  }

  @Test
  void aChainThatUsedItsRecoveriesFailsTheRun() {
    LoopHarness run = new LoopHarness(
        step("a", Start.class).emits(Mid.class),
        step("b", Mid.class).emits(Done.class),
        step("fix", StepFailedEvent.class).emits(Mid.class).catches(1));
    run.start(new Start(1));
    run.tick(new Tick.StepThrew(1, new IllegalStateException("a failed")));
    run.returned(2, new Mid(1));       // the handler recovered: b runs in the recovered lineage

    List<String> commands = run.tick(new Tick.StepThrew(3, new IllegalStateException("b failed")));

    assertEquals(1, commands.size());
    assertTrue(commands.getFirst().startsWith("finish WorkflowFailedEvent[step=b"), commands.getFirst());
  }

  @Test
  void retryDelaysGrowByBackoffUpToMaxDelayAndSkipExcludedErrors() {
    AnnotatedRetry policy = new AnnotatedRetry(5, Duration.ofMillis(100), 2.0, Duration.ofMillis(300), 0.0,
        List.of(IllegalStateException.class), List.of(UnsupportedOperationException.class));
    RuntimeException retried = new IllegalStateException();

    assertEquals(Duration.ofMillis(100), RetryPlanner.delayAfter(policy, 1, retried, "r", "s"));
    assertEquals(Duration.ofMillis(200), RetryPlanner.delayAfter(policy, 2, retried, "r", "s"));
    assertEquals(Duration.ofMillis(300), RetryPlanner.delayAfter(policy, 3, retried, "r", "s"));
    assertEquals(null, RetryPlanner.delayAfter(policy, 5, retried, "r", "s"));
    assertEquals(null, RetryPlanner.delayAfter(policy, 1, new IllegalArgumentException(), "r", "s"));
  }

  @Test
  void jitterIsTheSameForTheSameRunStepAndAttempt() {
    AnnotatedRetry policy = new AnnotatedRetry(3, Duration.ofSeconds(1), 1.0, Duration.ZERO, 0.5, List.of(), List.of());
    Duration first = RetryPlanner.delayAfter(policy, 1, new RuntimeException(), "run-1", "s");

    assertEquals(first, RetryPlanner.delayAfter(policy, 1, new RuntimeException(), "run-1", "s"));
    assertTrue(first.toMillis() >= 500 && first.toMillis() <= 1500, first.toString());
  }
}
