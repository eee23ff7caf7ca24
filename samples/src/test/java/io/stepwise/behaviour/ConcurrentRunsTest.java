package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.LimitedFlow.Began;
import io.stepwise.behaviour.LimitedFlow.Job;
import io.stepwise.behaviour.LimitedFlow.JobDone;
import io.stepwise.behaviour.SnapshotFlows.Answer;
import io.stepwise.behaviour.SnapshotFlows.Answered;
import io.stepwise.behaviour.SnapshotFlows.AskNumber;
import io.stepwise.behaviour.SnapshotFlows.Begin;
import io.stepwise.behaviour.SnapshotFlows.Counts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** {@code @Workflow(numConcurrentRuns)}: runs beyond the limit wait in FIFO order, and their handlers work meanwhile. */
class ConcurrentRunsTest {
  @Test
  void runsBeyondTheLimitWaitInFifoOrderAndStartAsEarlierOnesEnd() throws InterruptedException {
    LimitedFlow flow = new LimitedFlow();
    CompiledWorkflow<Job, JobDone> limited = LimitedFlow_Workflow.of(flow);
    assertEquals(2, limited.numConcurrentRuns());
    List<WorkflowHandler<JobDone>> runs = new ArrayList<>();
    for (int id = 0; id < 5; id++) {
      runs.add(limited.run(new Job(id, -1)));
      if (id < 2) {
        // The two runs within the limit start at once and side by side, so which step starts first
        // is a race: each is let start before the next run is made.
        int started = id + 1;
        awaitTrue(() -> flow.started.size() == started);
      }
    }
    awaitTrue(() -> flow.started.size() == 2);
    Thread.sleep(150); // room for a third run to start, if the limit let it
    assertEquals(List.of(0, 1), flow.started);
    assertFalse(runs.get(2).isDone());

    flow.open(1); // the second run ends first: the oldest queued run, job 2, takes its slot
    assertEquals(new JobDone(1), runs.get(1).result());
    awaitTrue(() -> flow.started.size() == 3);
    assertEquals(List.of(0, 1, 2), flow.started);
    flow.open(0);
    awaitTrue(() -> flow.started.size() == 4);
    flow.open(2);
    awaitTrue(() -> flow.started.size() == 5);
    flow.open(3);
    flow.open(4);
    for (int id = 0; id < 5; id++) {
      assertEquals(new JobDone(id), runs.get(id).result());
    }
    assertEquals(List.of(0, 1, 2, 3, 4), flow.started);
  }

  @Test
  void aQueuedRunStreamsItsEventsOnceItStarts() {
    LimitedFlow flow = new LimitedFlow();
    CompiledWorkflow<Job, JobDone> one = LimitedFlow_Workflow.of(flow).withNumConcurrentRuns(1);
    WorkflowHandler<JobDone> first = one.run(new Job(1, -1));
    WorkflowHandler<JobDone> queued = one.run(new Job(2, 0));
    awaitTrue(() -> flow.started.size() == 1);
    flow.open(1);
    List<Event> events = queued.events().toList();
    assertEquals(List.of(new Began(2), new JobDone(2)), events);
    assertEquals(new JobDone(2), queued.result());
    assertEquals(new JobDone(1), first.result());
  }

  @Test
  void cancellingAQueuedRunTakesItOutOfTheQueueAtOnce() {
    LimitedFlow flow = new LimitedFlow();
    CompiledWorkflow<Job, JobDone> one = LimitedFlow_Workflow.of(flow).withNumConcurrentRuns(1);
    WorkflowHandler<JobDone> holding = one.run(new Job(1, -1));
    WorkflowHandler<JobDone> cancelled = one.run(new Job(2, -1));
    WorkflowHandler<JobDone> next = one.run(new Job(3, 0));
    awaitTrue(() -> flow.started.size() == 1);

    cancelled.cancel(); // ends now, while the first run still holds the only slot
    assertTrue(cancelled.isDone());
    assertThrows(WorkflowCancelledException.class, cancelled::result);
    assertEquals(List.of(new WorkflowCancelledEvent()), cancelled.events().toList());

    flow.open(1);
    assertEquals(new JobDone(3), next.result());
    assertEquals(new JobDone(1), holding.result());
    assertEquals(List.of(1, 3), flow.started); // job 2 never ran
  }

  @Test
  void aQueuedRunHasNoSnapshotUntilItStarts() {
    LimitedFlow flow = new LimitedFlow();
    CompiledWorkflow<Job, JobDone> one = LimitedFlow_Workflow.of(flow).withNumConcurrentRuns(1);
    WorkflowHandler<JobDone> holding = one.run(new Job(1, -1));
    WorkflowHandler<JobDone> queued = one.run(new Job(2, 0));
    var refused = assertThrows(IllegalStateException.class, queued::snapshot);
    assertEquals("Run " + queued.runId() + " of workflow 'limited' is queued: 1 of its runs are running"
        + " (numConcurrentRuns = 1) and 1 are queued; it has nothing to snapshot until it starts. Take the snapshot"
        + " once it started (its first stream event says so), or cancel() it to take it out of the queue",
        refused.getMessage());
    flow.open(1);
    assertEquals(new JobDone(2), queued.result());
    assertEquals(new JobDone(1), holding.result());
  }

  @Test
  void anEventSentToAQueuedRunReachesItWhenItStarts() {
    Counts counts = new Counts();
    // HitlFlow sets no limit; the override gives this compiled workflow one.
    CompiledWorkflow<Begin, Answered> one =
        SnapshotFlows_HitlFlow_Workflow.of(new SnapshotFlows.HitlFlow(counts)).withNumConcurrentRuns(1);
    WorkflowHandler<Answered> asking = one.run(new Begin("first"));
    assertEquals(new AskNumber("Enter a number: "), asking.events().findFirst().orElseThrow());
    WorkflowHandler<Answered> queued = one.run(new Begin("second"));
    queued.sendEvent(new Answer("7")); // held while queued, delivered after its start event
    assertFalse(queued.isDone());
    assertEquals(1, counts.of("ask"));

    asking.sendEvent(new Answer("42"));
    assertEquals("42", asking.result().response());
    assertEquals("7", queued.result().response());
    assertEquals(2, counts.of("answer"));
  }

  @Test
  void aResumedRunTakesASlotLikeANewOne() {
    Counts counts = new Counts();
    CompiledWorkflow<Begin, Answered> one =
        SnapshotFlows_HitlFlow_Workflow.of(new SnapshotFlows.HitlFlow(counts)).withNumConcurrentRuns(1);
    WorkflowHandler<Answered> paused = one.run(new Begin("first"));
    assertEquals(new AskNumber("Enter a number: "), paused.events().findFirst().orElseThrow());
    Snapshot snapshot = paused.snapshot();
    paused.cancel(); // frees the slot
    assertThrows(WorkflowCancelledException.class, paused::result);

    WorkflowHandler<Answered> holding = one.run(new Begin("second"));
    assertEquals(new AskNumber("Enter a number: "), holding.events().findFirst().orElseThrow());
    WorkflowHandler<Answered> resumed = one.resume(Snapshot.fromJson(snapshot.toJson()));
    var refused = assertThrows(IllegalStateException.class, resumed::snapshot);
    assertTrue(refused.getMessage().contains("is queued: 1 of its runs are running"), refused.getMessage());
    resumed.sendEvent(new Answer("7")); // held until the resumed run starts

    holding.sendEvent(new Answer("42"));
    assertEquals("42", holding.result().response());
    assertEquals(new Answered("7", List.of("asked about first", "answered 7 on first")), resumed.result());
    assertEquals(2, counts.of("ask"), "the resumed run's ask step had finished before the cut");
  }

  @Test
  void aParentsSnapshotLeavesOutAChildStillQueuedForASlot() throws InterruptedException {
    LimitedFlow flow = new LimitedFlow();
    CompiledWorkflow<Job, JobDone> one = LimitedFlow_Workflow.of(flow).withNumConcurrentRuns(1);
    WorkflowHandler<JobDone> holding = one.run(new Job(1, -1));
    awaitTrue(() -> flow.started.size() == 1);
    WorkflowHandler<LimitedParentFlow.Delegated> parent =
        LimitedParentFlow_Workflow.of(new LimitedParentFlow(one)).run(new LimitedParentFlow.Delegate(9));
    assertEquals(new LimitedParentFlow.Delegating(9), parent.events().findFirst().orElseThrow());
    Thread.sleep(100); // the step goes on into runChild, whose child queues behind job 1

    String json = parent.snapshot().toJson(); // answers at once: the queued child is left out
    assertTrue(json.contains("\"executions\":[{\"step\":\"delegate\""), json);
    assertFalse(json.contains("\"children\""), json);

    flow.open(1);
    assertEquals(new JobDone(1), holding.result());
    assertEquals(new LimitedParentFlow.Delegated(9), parent.result());
    assertEquals(List.of(1, 9), flow.started);
  }

  @Test
  void aQueuedRunsTimeoutCountsFromItsStart() {
    LimitedFlow flow = new LimitedFlow();
    // Timeout 3s. The first run holds the slot 1.8s; the queued one then works 1.5s: 3.3s after it was
    // submitted, 1.5s after it started. Counted from submission it would time out.
    CompiledWorkflow<Job, JobDone> one = LimitedFlow_Workflow.of(flow).withNumConcurrentRuns(1);
    WorkflowHandler<JobDone> first = one.run(new Job(1, 1800));
    WorkflowHandler<JobDone> queued = one.run(new Job(2, 1500));
    assertEquals(new JobDone(1), first.result());
    assertEquals(new JobDone(2), queued.result());
    Duration alive = queued.snapshot().elapsed();
    assertTrue(alive.compareTo(Duration.ofMillis(1500)) >= 0 && alive.compareTo(Duration.ofMillis(2500)) < 0,
        "time alive " + alive + " counts from the start, not from the submission");
  }

  @Test
  void withoutALimitEveryRunStartsAtOnce() {
    LimitedFlow flow = new LimitedFlow();
    CompiledWorkflow<Job, JobDone> unlimited = LimitedFlow_Workflow.of(flow).withNumConcurrentRuns(0);
    assertEquals(0, unlimited.numConcurrentRuns());
    List<WorkflowHandler<JobDone>> runs = new ArrayList<>();
    for (int id = 0; id < 4; id++) {
      runs.add(unlimited.run(new Job(id, -1)));
    }
    awaitTrue(() -> flow.started.size() == 4);
    for (int id = 0; id < 4; id++) {
      flow.open(id);
      assertEquals(new JobDone(id), runs.get(id).result());
    }
    var negative = assertThrows(IllegalArgumentException.class, () -> unlimited.withNumConcurrentRuns(-1));
    assertEquals("numConcurrentRuns must be 0 (no limit) or more, was -1", negative.getMessage());
  }

  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20s");
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
