package io.stepwise.internal.loop;

import static io.stepwise.fixture.Steps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.WorkflowFailedException;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Progress;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.Events.Stray;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** How the pure loop ends a run, and what it drops afterwards. */
class RunLoopEndTest {
  private static LoopHarness fanOut() {
    LoopHarness run = new LoopHarness(
        step("a", Start.class).emits(Mid.class), step("b", Mid.class).emits(Done.class).workers(1));
    run.start(new Start(1));
    run.returned(1, new Mid(1), new Mid(2)); // #2 runs b, Mid(2) waits in b's queue
    return run;
  }

  @Test
  void stopEventEndsRunAndCancelsWhatIsInFlight() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Mid.class, Done.class), step("b", Mid.class));
    run.start(new Start(1));
    run.tick(new Tick.EventSent(1, new Mid(1), -1));

    assertEquals(List.of("cancel #2", "finish Done[value=ok]"), run.returned(1, new Done("ok")));
    assertTrue(run.loop.isFinished());
  }

  @Test
  void stopEventSentFromAStepEndsTheRun() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Done.class));
    run.start(new Start(1));

    assertEquals(List.of("cancel #1", "finish Done[value=sent]"), run.tick(new Tick.EventSent(1, new Done("sent"), -1)));
  }

  @Test
  void everyTickAfterTheEndIsDropped() {
    LoopHarness run = fanOut();
    run.returned(2, new Done("first"));

    assertEquals(List.of(), run.tick(new Tick.StreamWritten(2, new Progress("late"))));
    assertEquals(List.of(), run.tick(new Tick.EventPosted(new Mid(3), -1)));
    assertEquals(List.of(), run.returned(3, new Done("second")));
    assertEquals(List.of(), run.tick(new Tick.CancelRequested()));
    assertEquals(List.of(), run.tick(new Tick.RunTimedOut()));
  }

  @Test
  void streamWriteOfALiveExecutionIsPublished() {
    LoopHarness run = fanOut();

    assertEquals(List.of("publish Progress[text=p]"), run.tick(new Tick.StreamWritten(2, new Progress("p"))));
  }

  @Test
  void reportsOfAnExecutionNoLongerInFlightAreDropped() {
    LoopHarness run = fanOut();

    assertEquals(List.of(), run.tick(new Tick.StreamWritten(1, new Progress("from finished #1"))));
    assertEquals(List.of(), run.tick(new Tick.EventSent(1, new Mid(7), -1)));
    assertEquals(List.of(), run.tick(new Tick.StepThrew(1, new IllegalStateException("late"))));
  }

  @Test
  void stepThrowingFailsTheRunWithItsErrorAsCause() {
    LoopHarness run = fanOut();
    IllegalStateException boom = new IllegalStateException("boom");

    assertEquals(List.of("finish WorkflowFailedEvent[step=b, errorType=java.lang.IllegalStateException, message=boom]"
        + " WorkflowFailedException: Workflow 'Flow' failed in step 'b': java.lang.IllegalStateException: boom"),
        run.tick(new Tick.StepThrew(2, boom)));
    WorkflowFailedException error = assertInstanceOf(WorkflowFailedException.class, ((Command.Finish) run.last()).error());
    assertSame(boom, error.getCause());
    assertEquals("b", error.step());
  }

  @Test
  void failureCancelsTheOtherExecutions() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Mid.class), step("b", Mid.class), step("c", Mid.class));
    run.start(new Start(1));
    run.returned(1, new Mid(1)); // #2 b, #3 c

    List<String> commands = run.tick(new Tick.StepThrew(2, new RuntimeException("x")));

    assertEquals("cancel #3", commands.get(0));
    assertEquals(2, commands.size());
  }

  @Test
  void undeclaredEmissionFailsTheStep() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Mid.class), step("b", Mid.class));
    run.start(new Start(1));

    assertEquals(List.of("finish WorkflowFailedEvent[step=a, errorType=java.lang.IllegalStateException, message="
        + "Step 'a' emitted io.stepwise.fixture.Events$Stray, which it does not declare. Declare it with"
        + " @Step(emits = Stray.class), or send it with a static type the processor can see.]"
        + " WorkflowFailedException: Workflow 'Flow' failed in step 'a': java.lang.IllegalStateException: Step 'a'"
        + " emitted io.stepwise.fixture.Events$Stray, which it does not declare. Declare it with"
        + " @Step(emits = Stray.class), or send it with a static type the processor can see."),
        run.returned(1, new Mid(1), new Stray()));
  }

  @Test
  void failedStepIsRetriedUntilMaxAttemptsThenFailsTheRun() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Done.class).retry(2, Duration.ZERO));
    run.start(new Start(1));

    assertEquals(List.of("start #2 a [Start[n=1]] attempt 2"), run.tick(new Tick.StepThrew(1, new RuntimeException("1st"))));
    assertEquals(List.of(), run.tick(new Tick.StepThrew(1, new RuntimeException("late report of #1"))));
    assertEquals(1, run.tick(new Tick.StepThrew(2, new RuntimeException("2nd"))).size());
    assertTrue(run.loop.isFinished());
  }

  @Test
  void retryDelayIsWaitedOutOnATimerWhileKeepingTheWorker() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Done.class).retry(3, Duration.ofMillis(200)));
    run.start(new Start(1));

    assertEquals(List.of("schedule RetryDue[execution=2] in PT0.2S"), run.tick(new Tick.StepThrew(1, new RuntimeException())));
    assertEquals(List.of("a"), run.loop.activeSteps());
    assertEquals(List.of("start #2 a [Start[n=1]] attempt 2"), run.tick(new Tick.RetryDue(2)));
  }

  @Test
  void stepTimeoutCancelsTheExecutionAndFailsItWithATimeout() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Done.class).timeout(Duration.ofSeconds(2)));
    assertEquals(List.of("start #1 a [Start[n=1]]", "schedule StepTimedOut[execution=1] in PT2S"), run.start(new Start(1)));

    List<String> commands = run.tick(new Tick.StepTimedOut(1));

    assertEquals("cancel #1", commands.get(0));
    WorkflowFailedException error = assertInstanceOf(WorkflowFailedException.class, ((Command.Finish) run.last()).error());
    assertInstanceOf(TimeoutException.class, error.getCause());
    assertEquals("Step 'a' timed out after PT2S", error.getCause().getMessage());
  }

  @Test
  void finishedExecutionDropsItsStepTimer() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Mid.class).timeout(Duration.ofSeconds(2)), step("b", Mid.class));
    run.start(new Start(1));

    assertEquals(List.of("start #2 b [Mid[n=1]]", "unschedule 1"), run.returned(1, new Mid(1)));
    assertEquals(List.of(), run.tick(new Tick.StepTimedOut(1)));
  }

  @Test
  void runTimeoutNamesTheActiveStepsSorted() {
    LoopHarness run = new LoopHarness(Duration.ofSeconds(1),
        step("z", Start.class).emits(Mid.class), step("b", Mid.class).workers(1), step("idle", Stray.class));
    run.start(new Start(1));
    run.tick(new Tick.EventSent(1, new Mid(1), -1));
    run.tick(new Tick.EventSent(1, new Mid(2), -1));

    assertEquals(List.of("cancel #1", "cancel #2", "finish WorkflowTimedOutEvent[timeout=PT1S, activeSteps=[b, z]]"
        + " WorkflowTimeoutException: Workflow 'Flow' timed out after PT1S; active steps: [b, z]"),
        run.tick(new Tick.RunTimedOut()));
  }

  @Test
  void cancelPublishesCancelledAndCancelsWork() {
    LoopHarness run = fanOut();

    assertEquals(List.of("cancel #2", "finish WorkflowCancelledEvent[]"
        + " WorkflowCancelledException: Run run-1 of workflow 'Flow' was cancelled"), run.tick(new Tick.CancelRequested()));
  }
}
