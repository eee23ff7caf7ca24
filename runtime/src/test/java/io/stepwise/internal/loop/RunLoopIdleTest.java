package io.stepwise.internal.loop;

import static io.stepwise.fixture.Steps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.fixture.Events.Answer;
import io.stepwise.fixture.Events.Ask;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.Events.Stray;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the pure loop announces that its run rests ({@code WorkflowIdleEvent}), as the Python
 * reducer's {@code CommandScheduleIdleCheck} / {@code TickIdleCheck} pair does: no threads, every
 * command checked.
 */
class RunLoopIdleTest {
  private static final String CHECK = "check idle";
  private static final String IDLE = "publish WorkflowIdleEvent[]";

  /** One step that asks and waits for an answer, with no timeout. */
  private static LoopHarness asking() {
    return new LoopHarness(step("a", Start.class).emits(Done.class).awaits(Answer.class)).idleEvents();
  }

  private static Tick.WaitStarted waitForAnswer() {
    return new Tick.WaitStarted(1, 1, Answer.class, new Ask("ok?"), Duration.ZERO);
  }

  @Test
  void aStepBlockedInAWaitPutsTheRunAtRestAndTheCheckAnnouncesItOnce() {
    LoopHarness run = asking();
    assertEquals(List.of("start #1 a [Start[n=1]]"), run.start(new Start(1)));

    assertEquals(List.of("publish Ask[question=ok?]", CHECK), run.tick(waitForAnswer()));
    assertEquals(List.of(IDLE), run.tick(new Tick.IdleCheck()));
    assertEquals(List.of(), run.tick(new Tick.IdleCheck()));
    assertEquals(List.of("captured #7"), run.tick(new Tick.SnapshotRequested(7)));
  }

  @Test
  void aRunWhoseStepsAreAllDoneRestsWithoutAnyWait() {
    // Python's test_control_loop_emits_idle_event_when_waiting: the first step emits nothing and the
    // second waits for an event from outside.
    LoopHarness run = new LoopHarness(step("start", Start.class), step("finish", Mid.class).emits(Done.class))
        .idleEvents();
    run.start(new Start(1));

    assertEquals(List.of(CHECK), run.returned(1));
    assertEquals(List.of(IDLE), run.tick(new Tick.IdleCheck()));
  }

  @Test
  void aCheckBehindAnEventThatEndsTheRestAnnouncesNothing() {
    // Python's test_control_loop_defers_idle_behind_buffered_tick.
    LoopHarness run = new LoopHarness(step("start", Start.class), step("finish", Mid.class).emits(Done.class))
        .idleEvents();
    run.start(new Start(1));
    run.returned(1);

    assertEquals(List.of("start #2 finish [Mid[n=5]]"), run.tick(new Tick.EventPosted(new Mid(5), -1)));
    assertEquals(List.of(), run.tick(new Tick.IdleCheck()));
    assertEquals(List.of("finish Done[value=done]"), run.returned(2, new Done("done")));
    assertEquals(List.of(), run.tick(new Tick.IdleCheck()));
  }

  @Test
  void aRunThatEndsNeverAnnouncesARest() {
    // Python's test_control_loop_idle_event_not_emitted_on_completion.
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Mid.class), step("b", Mid.class).emits(Done.class))
        .idleEvents();

    assertEquals(List.of("start #1 a [Start[n=1]]"), run.start(new Start(1)));
    assertEquals(List.of("start #2 b [Mid[n=2]]"), run.returned(1, new Mid(2)));
    assertEquals(List.of("finish Done[value=ok]"), run.returned(2, new Done("ok")));
  }

  @Test
  void anEventFromOutsideThatLeavesTheRunAtRestIsFollowedByAnotherAnnouncement() {
    LoopHarness run = asking();
    run.start(new Start(1));
    run.tick(waitForAnswer());
    run.tick(new Tick.IdleCheck());

    assertEquals(List.of(CHECK), run.tick(new Tick.EventPosted(new Stray(), -1)));
    assertEquals(List.of(IDLE), run.tick(new Tick.IdleCheck()));
  }

  @Test
  void anOfferedEventKeepsTheRunBusyUntilTheWaitingStepRefusesIt() {
    LoopHarness run = asking();
    run.start(new Start(1));
    run.tick(waitForAnswer());
    run.tick(new Tick.IdleCheck());

    assertEquals(List.of("offer #1/1 Answer[text=no]"), run.tick(new Tick.EventPosted(new Answer("no"), -1)));
    assertEquals(List.of(), run.tick(new Tick.IdleCheck()));
    assertEquals(List.of(CHECK), run.tick(new Tick.OfferRefused(1, 1)));
    assertEquals(List.of(IDLE), run.tick(new Tick.IdleCheck()));
  }

  @Test
  void aTakenOfferEndsTheRestAndItsNextRestIsAnnouncedAgain() {
    LoopHarness run = asking();
    run.start(new Start(1));
    run.tick(waitForAnswer());
    run.tick(new Tick.IdleCheck());
    run.tick(new Tick.EventPosted(new Answer("yes"), -1));

    assertEquals(List.of(), run.tick(new Tick.WaitMatched(1, 1, new Answer("yes"))));
    assertEquals(List.of(), run.tick(new Tick.IdleCheck()));
    assertEquals(List.of("publish Ask[question=again?]", CHECK),
        run.tick(new Tick.WaitStarted(1, 2, Answer.class, new Ask("again?"), Duration.ZERO)));
    assertEquals(List.of(IDLE), run.tick(new Tick.IdleCheck()));
  }

  @Test
  void aTimedWaitIsARestToo() {
    // As in Python, a waiter's timeout does not count as work; releasing the run is another matter.
    LoopHarness run = asking();
    run.start(new Start(1));

    assertEquals(List.of("publish Ask[question=ok?]", "schedule WaitTimedOut[key=2, execution=1, seq=1] in PT5S", CHECK),
        run.tick(new Tick.WaitStarted(1, 1, Answer.class, new Ask("ok?"), Duration.ofSeconds(5))));
  }

  @Test
  void aRetryWaitingOutItsDelayIsWorkToCome() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Done.class).retry(3, Duration.ofSeconds(2)))
        .idleEvents();
    run.start(new Start(1));

    assertEquals(List.of("schedule RetryDue[execution=2] in PT2S"),
        run.tick(new Tick.StepThrew(1, new IllegalStateException("flaky"))));
    assertEquals(List.of(), run.tick(new Tick.IdleCheck()));
  }

  @Test
  void queuedInputIsWorkToComeEvenWhenEveryRunningStepWaits() {
    LoopHarness run = new LoopHarness(
        step("a", Start.class).emits(Mid.class), step("b", Mid.class).emits(Done.class).awaits(Answer.class).workers(1))
        .idleEvents();
    run.start(new Start(1));
    assertEquals(List.of("start #2 b [Mid[n=1]]"), run.returned(1, new Mid(1), new Mid(2)));

    assertEquals(List.of(), run.tick(new Tick.WaitStarted(2, 1, Answer.class, null, Duration.ZERO)));
  }

  @Test
  void withoutTheOptionNothingIsAsked() {
    LoopHarness run = new LoopHarness(step("a", Start.class).emits(Done.class).awaits(Answer.class));
    run.start(new Start(1));

    assertEquals(List.of("publish Ask[question=ok?]"), run.tick(waitForAnswer()));
    assertEquals(List.of(), run.tick(new Tick.IdleCheck()));
  }

  @Test
  void aRunResumedFromACutTakenAtRestDoesNotAnnounceThatRestAgain() {
    LoopHarness run = asking();
    run.start(new Start(1));
    run.tick(waitForAnswer());
    run.tick(new Tick.IdleCheck());
    LoopImage cut = run.loop.image();

    LoopHarness resumed = asking();
    assertEquals(List.of("start #1 a [Start[n=1]]"), resumed.tick(new Tick.Resumed(cut)));
    // The re-run opens its wait again and asks again (docs/durability.md); it is back at the same rest.
    assertEquals(List.of("publish Ask[question=ok?]"), resumed.tick(waitForAnswer()));
    assertEquals(List.of(), resumed.tick(new Tick.IdleCheck()));
    // Something new after the resume is announced as it would have been without one.
    assertEquals(List.of(CHECK), resumed.tick(new Tick.EventPosted(new Stray(), -1)));
    assertEquals(List.of(IDLE), resumed.tick(new Tick.IdleCheck()));
  }

  @Test
  void anAnswerSentBeforeTheReRunWaitsAgainIsOfferedAtOnceAndNoRestIsAnnounced() {
    LoopHarness run = asking();
    run.start(new Start(1));
    run.tick(waitForAnswer());
    LoopImage cut = run.loop.image();

    LoopHarness resumed = asking();
    resumed.tick(new Tick.Resumed(cut));
    assertEquals(List.of(), resumed.tick(new Tick.EventPosted(new Answer("early"), -1))); // kept for the wait
    assertEquals(List.of("publish Ask[question=ok?]", "offer #1/1 Answer[text=early]"), resumed.tick(waitForAnswer()));
    assertEquals(List.of(), resumed.tick(new Tick.IdleCheck()));
    assertEquals(List.of("finish Done[value=early]"), resumed.returned(1, new Done("early")));
  }

  @Test
  void aRunResumedFromABusyCutAnnouncesItsFirstRest() {
    LoopHarness run = asking();
    run.start(new Start(1));
    LoopImage cut = run.loop.image(); // the step runs and has not waited yet

    LoopHarness resumed = asking();
    resumed.tick(new Tick.Resumed(cut));
    assertEquals(List.of("publish Ask[question=ok?]", CHECK), resumed.tick(waitForAnswer()));
    assertEquals(List.of(IDLE), resumed.tick(new Tick.IdleCheck()));
  }
}
