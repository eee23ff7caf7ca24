package io.stepwise.internal.loop;

import static io.stepwise.fixture.Steps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.Event;
import io.stepwise.fixture.Events.Answer;
import io.stepwise.fixture.Events.Ask;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Progress;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.Steps;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cut taken while executions are in flight, resumed in a new loop: the re-run of each execution
 * replays what it did before the cut (collect answers, sends, stream writes, waits), so every
 * event is in exactly one place after the resume.
 */
class RunLoopReplayTest {
  private static final List<Class<? extends Event>> THREE_MIDS = List.of(Mid.class, Mid.class, Mid.class);

  private static Steps[] fanIn() {
    return new Steps[] {step("fan", Start.class).emits(Mid.class), step("gather", Mid.class).emits(Done.class)};
  }

  /** Starts a run and three gather executions, #2, #3 and #4 for Mid(0), Mid(1) and Mid(2). */
  private static LoopHarness gathering() {
    LoopHarness run = new LoopHarness(fanIn());
    run.start(new Start(0));
    run.tick(new Tick.EventSent(1, new Mid(0), -1));
    run.tick(new Tick.EventSent(1, new Mid(1), -1));
    run.tick(new Tick.EventSent(1, new Mid(2), -1));
    run.returned(1);
    return run;
  }

  @Test
  void collectorThatTookTheWholeSetBeforeTheCutGetsItAgainWhenItRunsAgain() {
    LoopHarness run = gathering();
    run.tick(new Tick.CollectRequested(2, new Mid(0), THREE_MIDS));
    run.returned(2);
    run.tick(new Tick.CollectRequested(3, new Mid(1), THREE_MIDS));
    run.returned(3);
    assertEquals(List.of("collected #4 [Mid[n=0], Mid[n=1], Mid[n=2]]"),
        run.tick(new Tick.CollectRequested(4, new Mid(2), THREE_MIDS)));
    LoopImage cut = run.loop.image();

    LoopHarness resumed = new LoopHarness(fanIn());
    assertEquals(List.of("start #1 gather [Mid[n=2]]"), resumed.tick(new Tick.Resumed(cut)));
    assertEquals(List.of("collected #1 [Mid[n=0], Mid[n=1], Mid[n=2]]"),
        resumed.tick(new Tick.CollectRequested(1, new Mid(2), THREE_MIDS)));
    assertEquals(List.of("finish Done[value=3]"), resumed.returned(1, new Done("3")));
  }

  @Test
  void collectorWhoseEventWasBufferedBeforeTheCutDoesNotBufferItTwice() {
    LoopHarness run = gathering();
    run.tick(new Tick.CollectRequested(2, new Mid(0), THREE_MIDS));
    run.returned(2);
    assertEquals(List.of("collected #3 null"), run.tick(new Tick.CollectRequested(3, new Mid(1), THREE_MIDS)));
    LoopImage cut = run.loop.image(); // #3 buffered Mid(1) and has not returned; #4 has not collected yet

    LoopHarness resumed = new LoopHarness(fanIn());
    assertEquals(List.of("start #1 gather [Mid[n=1]]", "start #2 gather [Mid[n=2]]"),
        resumed.tick(new Tick.Resumed(cut)));
    assertEquals(List.of("collected #1 null"), resumed.tick(new Tick.CollectRequested(1, new Mid(1), THREE_MIDS)));
    resumed.returned(1);
    assertEquals(List.of("collected #2 [Mid[n=0], Mid[n=1], Mid[n=2]]"),
        resumed.tick(new Tick.CollectRequested(2, new Mid(2), THREE_MIDS)));
  }

  @Test
  void sendsAndStreamWritesMadeBeforeTheCutAreNotDeliveredAgain() {
    LoopHarness run = new LoopHarness(fanIn());
    run.start(new Start(0));
    run.tick(new Tick.StreamWritten(1, new Progress("sending")));
    run.tick(new Tick.EventSent(1, new Mid(0), -1));
    LoopImage cut = run.loop.image(); // #1 sent Mid(0), which gather #2 runs

    LoopHarness resumed = new LoopHarness(fanIn());
    assertEquals(List.of("start #1 fan [Start[n=0]]", "start #2 gather [Mid[n=0]]"),
        resumed.tick(new Tick.Resumed(cut)));
    assertEquals(List.of(), resumed.tick(new Tick.StreamWritten(1, new Progress("sending"))));
    assertEquals(List.of(), resumed.tick(new Tick.EventSent(1, new Mid(0), -1)));
    assertEquals(List.of("publish Progress[text=more]"), resumed.tick(new Tick.StreamWritten(1, new Progress("more"))));
    assertEquals(List.of("start #3 gather [Mid[n=1]]"), resumed.tick(new Tick.EventSent(1, new Mid(1), -1)));
  }

  private static Steps asking() {
    return step("ask", Start.class).emits(Done.class).awaits(Answer.class);
  }

  @Test
  void waitMatchedBeforeTheCutTakesTheSameAnswerAtOnceWithoutAskingAgain() {
    LoopHarness run = new LoopHarness(asking());
    run.start(new Start(0));
    run.tick(new Tick.WaitStarted(1, 1, Answer.class, new Ask("first?"), Duration.ofSeconds(5)));
    run.tick(new Tick.EventPosted(new Answer("yes"), -1));
    run.tick(new Tick.WaitMatched(1, 1, new Answer("yes")));
    LoopImage cut = run.loop.image(); // #1 took its answer and has not returned

    LoopHarness resumed = new LoopHarness(asking());
    resumed.tick(new Tick.Resumed(cut));
    assertEquals(List.of("offer #1/1 Answer[text=yes]"),
        resumed.tick(new Tick.WaitStarted(1, 1, Answer.class, new Ask("first?"), Duration.ofSeconds(5))));
    resumed.tick(new Tick.WaitMatched(1, 1, new Answer("yes")));
    assertEquals(List.of("publish Ask[question=second?]"),
        resumed.tick(new Tick.WaitStarted(1, 2, Answer.class, new Ask("second?"), Duration.ZERO)));
  }

  @Test
  void waitOpenAtTheCutAsksAgainAndIsOfferedWhatArrivedBeforeTheCut() {
    LoopHarness run = new LoopHarness(asking());
    run.start(new Start(0));
    run.tick(new Tick.WaitStarted(1, 1, Answer.class, new Ask("ok?"), Duration.ZERO));
    assertEquals(List.of("offer #1/1 Answer[text=maybe]"), run.tick(new Tick.EventPosted(new Answer("maybe"), -1)));
    LoopImage cut = run.loop.image(); // the step may have taken "maybe" already: the loop does not know yet

    LoopHarness resumed = new LoopHarness(asking());
    resumed.tick(new Tick.Resumed(cut));
    assertEquals(List.of("publish Ask[question=ok?]", "offer #1/1 Answer[text=maybe]"),
        resumed.tick(new Tick.WaitStarted(1, 1, Answer.class, new Ask("ok?"), Duration.ZERO)));
  }

  @Test
  void answerPostedAfterTheResumeBeforeTheReRunWaitsAgainIsKeptForThatWait() {
    LoopHarness run = new LoopHarness(asking());
    run.start(new Start(0));
    run.tick(new Tick.WaitStarted(1, 1, Answer.class, new Ask("ok?"), Duration.ZERO));
    LoopImage cut = run.loop.image();
    assertEquals("io.stepwise.fixture.Events.Answer", cut.executions().getFirst().progress().openWait());

    LoopHarness resumed = new LoopHarness(asking());
    resumed.tick(new Tick.Resumed(cut));
    resumed.tick(new Tick.EventPosted(new Answer("early"), -1)); // the re-run has not reached its wait yet
    resumed.tick(new Tick.EventPosted(new Mid(9), -1)); // not what the wait awaits: not kept for it
    LoopImage again = resumed.loop.image(); // a cut before the re-run waits keeps the answer too
    assertEquals(List.of(new Answer("early")), again.executions().getFirst().progress().offered());
    assertEquals(List.of("publish Ask[question=ok?]", "offer #1/1 Answer[text=early]"),
        resumed.tick(new Tick.WaitStarted(1, 1, Answer.class, new Ask("ok?"), Duration.ZERO)));
    resumed.tick(new Tick.WaitMatched(1, 1, new Answer("early")));
    assertEquals(List.of(), resumed.tick(new Tick.EventPosted(new Answer("late"), -1))); // nobody waits now
  }

  @Test
  void waitThatTimedOutBeforeTheCutTimesOutAgainAtOnce() {
    LoopHarness run = new LoopHarness(asking());
    run.start(new Start(0));
    run.tick(new Tick.WaitStarted(1, 1, Answer.class, new Ask("ok?"), Duration.ofSeconds(1)));
    run.tick(new Tick.WaitTimedOut(2, 1, 1));
    LoopImage cut = run.loop.image();

    LoopHarness resumed = new LoopHarness(asking());
    resumed.tick(new Tick.Resumed(cut));
    assertEquals(List.of("expired #1/1 Answer"),
        resumed.tick(new Tick.WaitStarted(1, 1, Answer.class, new Ask("ok?"), Duration.ofSeconds(1))));
  }

  @Test
  void progressRecordsExactlyWhatTheExecutionDidBeforeTheCut() {
    LoopHarness run = gathering();
    run.tick(new Tick.CollectRequested(2, new Mid(0), THREE_MIDS));
    run.tick(new Tick.StreamWritten(2, new Progress("p")));
    LoopImage.ExecutionImage gather = run.loop.image().executions().getFirst();

    assertEquals(new LoopImage.Progress(0, 1, java.util.Arrays.asList((List<Event>) null), List.of(), List.of()),
        gather.progress());
  }
}
