package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.SnapshotFlows.Answer;
import io.stepwise.behaviour.SnapshotFlows.AskNumber;
import io.stepwise.behaviour.SnapshotFlows.Answered;
import io.stepwise.behaviour.SnapshotFlows.Begin;
import io.stepwise.behaviour.SnapshotFlows.Counts;
import io.stepwise.behaviour.SnapshotFlows.Go;
import io.stepwise.behaviour.SnapshotFlows.Outcome;
import io.stepwise.behaviour.SnapshotFlows.Progress;
import io.stepwise.behaviour.SnapshotFlows.Question;
import io.stepwise.behaviour.SnapshotFlows.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SnapshotResumeTest {
  private static final Outcome BUSY_OUTCOME = new Outcome("joined=16 fixed=0 replied=7:yes");

  @Test
  void pausedHumanInTheLoopRunResumesInAFreshWorkflowAndEachStepRunsOnce() {
    Counts counts = new Counts();
    WorkflowHandler<Answered> first = SnapshotFlows_HitlFlow_Workflow.of(new SnapshotFlows.HitlFlow(counts))
        .run(new Begin("pirates"));
    Iterator<Event> events = first.events().iterator();
    assertEquals(new AskNumber("Enter a number: "), events.next());
    Snapshot snapshot = first.snapshot();
    first.cancel();
    assertThrows(WorkflowCancelledException.class, first::result);
    String json = snapshot.toJson();
    System.out.println("HITL snapshot: " + json);

    CompiledWorkflow<Begin, Answered> later = SnapshotFlows_HitlFlow_Workflow.of(new SnapshotFlows.HitlFlow(counts));
    WorkflowHandler<Answered> resumed = later.resume(Snapshot.fromJson(json));
    resumed.sendEvent(new Answer("42"));

    assertEquals(new Answered("42", List.of("asked about pirates", "answered 42 on pirates")), resumed.result());
    assertEquals(1, counts.of("ask"));
    assertEquals(1, counts.of("answer"));
    assertEquals(first.runId(), resumed.runId());
    assertEquals(1, snapshot.streamPosition());
  }

  @Test
  void runWithQueuedWorkBuffersRetryAndWaiterResumesToTheUninterruptedResult() {
    Counts counts = new Counts();
    CountDownLatch closed = new CountDownLatch(1);
    WorkflowHandler<Outcome> first = SnapshotFlows_BusyFlow_Workflow.of(new SnapshotFlows.BusyFlow(counts, closed))
        .run(new Go(true));
    Iterator<Event> events = first.events().iterator();
    awaitAll(events, Set.of(new Question(7), new Progress("gathered 1"), new Progress("flaky fails"),
        new Progress("work 2 holds")));
    Snapshot snapshot = settled(first);
    first.cancel();
    closed.countDown(); // lets the cancelled run's blocked step end
    String json = snapshot.toJson();
    assertTrue(json.contains("\"queued\":[{\"events\":[{\"@type\":\"io.stepwise.behaviour.SnapshotFlows.Work\",\"n\":3}]"), json);
    assertTrue(json.contains("\"joins\":[[{\"event\":{\"@type\":\"io.stepwise.behaviour.SnapshotFlows.Left\",\"value\":10}"), json);
    assertTrue(json.contains("\"collected\":[{\"@type\":\"io.stepwise.behaviour.SnapshotFlows.Done\",\"n\":1}]"), json);
    assertTrue(json.contains("\"errorType\":\"java.io.IOException\",\"errorMessage\":\"flaky attempt 1\",\"retryIn\":\"PT"), json);
    assertTrue(json.contains("\"waiters\":[{\"step\":\"ask\",\"type\":\"io.stepwise.behaviour.SnapshotFlows.Reply\""), json);
    // The retry waits out what is left of ten minutes; a test cannot, so it shortens what is left.
    String soon = json.replaceAll("\"retryIn\":\"PT[0-9.MS]+\"", "\"retryIn\":\"PT0.01S\"");

    CountDownLatch open = new CountDownLatch(0);
    WorkflowHandler<Outcome> resumed = SnapshotFlows_BusyFlow_Workflow.of(new SnapshotFlows.BusyFlow(counts, open))
        .resume(Snapshot.fromJson(soon));
    awaitAll(resumed.events().iterator(), Set.of(new Question(7)));
    resumed.sendEvent(new Reply(7, "yes"));

    assertEquals(BUSY_OUTCOME, resumed.result());
    assertEquals(1, counts.of("start"));
    assertEquals(2, counts.of("flaky"));
  }

  @Test
  void takingSnapshotsDoesNotDisturbTheRun() {
    Counts counts = new Counts();
    WorkflowHandler<Outcome> run = SnapshotFlows_BusyFlow_Workflow
        .of(new SnapshotFlows.BusyFlow(counts, new CountDownLatch(0))).run(new Go(false));
    Iterator<Event> events = run.events().iterator();
    awaitAll(events, Set.of(new Question(7)));
    List<Snapshot> taken = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      taken.add(run.snapshot());
    }
    run.sendEvent(new Reply(7, "yes"));

    assertEquals(BUSY_OUTCOME, run.result());
    for (String step : List.of("start", "join", "flaky", "ask", "finish")) {
      assertEquals(1, counts.of(step), step);
    }
    assertEquals(3, counts.of("work"));
    assertEquals(3, counts.of("gather"));
    assertEquals(20, taken.size());
    assertTrue(run.snapshot().isFinished(), "after the end, the end snapshot");
  }

  @Test
  void checkpointsArriveAfterEachCompletedStepAndTheLastOneResumesTheRun() {
    Counts counts = new Counts();
    List<String> checkpoints = new CopyOnWriteArrayList<>();
    var workflow = SnapshotFlows_HitlFlow_Workflow.of(new SnapshotFlows.HitlFlow(counts));
    WorkflowHandler<Answered> first = workflow.run(new Begin("tea"),
        RunOptions.defaults().withCheckpoints(snapshot -> checkpoints.add(snapshot.toJson())));
    assertEquals(new AskNumber("Enter a number: "), first.events().iterator().next());
    first.cancel();
    assertThrows(WorkflowCancelledException.class, first::result);
    assertEquals(1, checkpoints.size());

    WorkflowHandler<Answered> resumed = workflow.resume(Snapshot.fromJson(checkpoints.get(0)));
    resumed.sendEvent(new Answer("7"));
    assertEquals(new Answered("7", List.of("asked about tea", "answered 7 on tea")), resumed.result());
    assertEquals(1, counts.of("ask"));
  }

  /**
   * A snapshot once only the held work, the retrying step and the waiting step are in flight: the
   * steps that sent or collected have reported back, so none of them runs twice on resume, and
   * the flaky step's failure has reached the loop, so its retry is pending (it writes "flaky
   * fails" to the stream just before it throws).
   */
  private static Snapshot settled(WorkflowHandler<?> run) {
    while (true) {
      Snapshot snapshot = run.snapshot();
      String json = snapshot.toJson();
      if (json.split("\"attempt\":", -1).length - 1 == 3 && json.contains("\"retryIn\":\"PT")) {
        return snapshot;
      }
      Thread.onSpinWait();
    }
  }

  /** Reads the stream until every expected event has appeared. */
  private static void awaitAll(Iterator<Event> events, Set<Event> expected) {
    Set<Event> missing = new HashSet<>(expected);
    while (!missing.isEmpty()) {
      missing.remove(events.next());
    }
  }
}
