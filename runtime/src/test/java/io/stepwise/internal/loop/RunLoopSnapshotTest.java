package io.stepwise.internal.loop;

import static io.stepwise.fixture.Steps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Left;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Other;
import io.stepwise.fixture.Events.Right;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.Steps;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reducer's image of a run between two ticks, and a run resumed from one, without threads. */
class RunLoopSnapshotTest {
  private static Steps[] steps() {
    return new Steps[] {
        step("fan", Start.class).emits(Mid.class, Left.class, Other.class),
        step("slow", Mid.class).workers(1).emits(Done.class),
        step("pair", Left.class).and(Right.class).emits(Done.class),
        step("flaky", Other.class).retry(3, Duration.ofSeconds(30)).emits(Done.class)};
  }

  private static LoopHarness busyRun() {
    LoopHarness run = new LoopHarness(steps());
    run.start(new Start(1));
    run.returned(1, new Mid(1), new Mid(2), new Left("l"), new Other("o"));
    run.tick(new Tick.StepThrew(3, new IOException("down")));
    return run;
  }

  @Test
  void imageHoldsTheQueueTheJoinBufferAndTheExecutionsInFlight() {
    LoopImage image = busyRun().loop.image();

    assertEquals(List.of(
        new LoopImage.StepImage(1, List.of(new LoopImage.InputSetImage(List.of(new Mid(2)), 0)), List.of(), List.of()),
        new LoopImage.StepImage(2, List.of(), List.of(List.of(new LoopImage.Buffered(new Left("l"), 0)), List.of()),
            List.of())), image.steps());
    assertEquals(List.of(
        new LoopImage.ExecutionImage(2, 1, List.of(new Mid(1)), 1, 0, null, null, Duration.ZERO, null,
            LoopImage.Progress.NONE),
        // The retry's 30 s delay counts as elapsed by the time its attempt starts.
        new LoopImage.ExecutionImage(4, 3, List.of(new Other("o")), 2, 0, "java.io.IOException", "down",
            Duration.ofSeconds(30), Duration.ZERO, LoopImage.Progress.NONE)), image.executions());
  }

  @Test
  void snapshotRequestIsAnsweredWithTheImageAndChangesNothing() {
    LoopHarness run = busyRun();
    LoopImage before = run.loop.image();

    assertEquals(List.of("captured #7"), run.tick(new Tick.SnapshotRequested(7)));
    assertEquals(before, ((Command.Captured) run.last()).image());
    assertEquals(before, run.loop.image());
  }

  @Test
  void resumedRunRerunsExecutionsRearmsTheRetryAndKeepsItsBuffers() {
    LoopImage image = busyRun().loop.image();
    LoopImage.ExecutionImage retrying = image.executions().get(1).withRetryIn(Duration.ofSeconds(12));
    LoopImage left = new LoopImage(image.steps(), List.of(image.executions().get(0), retrying), image.waiters());
    LoopHarness resumed = new LoopHarness(steps());

    assertEquals(List.of("start #1 slow [Mid[n=1]]", "schedule RetryDue[execution=2] in PT12S"),
        resumed.tick(new Tick.Resumed(left)));
    assertEquals(List.of("start #2 flaky [Other[text=o]] attempt 2"), resumed.tick(new Tick.RetryDue(2)));
    assertEquals(List.of("start #3 slow [Mid[n=2]]"), resumed.returned(1));
    assertEquals(List.of("start #4 pair [Left[text=l], Right[text=r]]"),
        resumed.tick(new Tick.EventPosted(new Right("r"), -1)));
  }

  @Test
  void resumedRunArmsTheRunTimeoutWithWhatItsTimeAliveLeft() {
    LoopImage image = busyRun().loop.image();
    LoopHarness resumed = new LoopHarness(Duration.ofSeconds(45), steps());

    List<String> commands = resumed.tick(new Tick.Resumed(image, Duration.ofSeconds(30)));
    assertEquals("schedule RunTimedOut[] in PT15S", commands.get(0));
  }

  @Test
  void resumedRunWhoseTimeAliveUsedUpItsTimeoutEndsAtOnceNamingTheStepsItHad() {
    LoopImage image = busyRun().loop.image();
    LoopHarness resumed = new LoopHarness(Duration.ofSeconds(45), steps());

    assertEquals(List.of("finish WorkflowTimedOutEvent[timeout=PT45S, activeSteps=[flaky, slow]]"
        + " WorkflowTimeoutException: Workflow 'Flow' timed out after PT45S; active steps: [flaky, slow]"),
        resumed.tick(new Tick.Resumed(image, Duration.ofSeconds(45))));
    assertEquals(List.of(), resumed.tick(new Tick.EventPosted(new Right("r"), -1)));
  }
}
