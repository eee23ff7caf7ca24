package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.WorkflowTimeoutException;
import io.stepwise.behaviour.TimedReviewFlow.ReviewWanted;
import io.stepwise.behaviour.TimedReviewFlow.Reviewed;
import io.stepwise.behaviour.TimedReviewFlow.Submit;
import io.stepwise.behaviour.TimedReviewFlow.Verdict;
import io.stepwise.store.InMemoryRunStore;
import io.stepwise.store.RunStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A resumed run's timeout counts the time it was alive before (Python 2.25): a snapshot records the
 * run's time alive, and the resumed run has the run timeout minus that left. Time between a snapshot
 * and its resume, with the run out of memory, does not count.
 */
class ResumedTimeoutTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  /** Runs a review to its question, waits {@code aliveMillis} with it in memory, and hands back its snapshot. */
  private static Snapshot pausedFor(long aliveMillis) throws InterruptedException {
    WorkflowHandler<Reviewed> run = TimedReviewFlow_Workflow.of(new TimedReviewFlow()).run(new Submit("draft"));
    assertEquals(new ReviewWanted("draft"), run.events().findFirst().orElseThrow());
    Thread.sleep(aliveMillis);
    Snapshot snapshot = run.snapshot();
    run.cancel();
    assertThrows(WorkflowCancelledException.class, run::result);
    return Snapshot.fromJson(snapshot.toJson());
  }

  @Test
  void aResumedRunHasTheTimeoutLeftThatItHadNotUsed() throws InterruptedException {
    Snapshot snapshot = pausedFor(2000);
    Duration alive = snapshot.elapsed();
    assertTrue(alive.compareTo(Duration.ofMillis(2000)) >= 0, "alive " + alive);
    Thread.sleep(500); // out of memory: does not count

    long resumedAt = System.nanoTime();
    WorkflowHandler<Reviewed> resumed = TimedReviewFlow_Workflow.of(new TimedReviewFlow()).resume(snapshot);
    var timedOut = assertThrows(WorkflowTimeoutException.class, resumed::result);
    Duration took = Duration.ofNanos(System.nanoTime() - resumedAt);

    Duration left = TIMEOUT.minus(alive);
    assertTrue(took.compareTo(left) >= 0, "timed out after " + took + ", before the " + left + " left");
    assertTrue(took.compareTo(left.plusMillis(1000)) < 0, "timed out after " + took + ", not after the "
        + left + " left: a fresh timeout would take " + TIMEOUT);
    assertEquals(TIMEOUT, timedOut.timeout(), "the event names the run's whole timeout");
  }

  @Test
  void aStoredRunCountsOnlyTheTimeUpToItsLastCheckpoint() throws InterruptedException {
    RunStore store = new InMemoryRunStore();
    WorkflowHandler<Reviewed> run = TimedReviewFlow_Workflow.of(new TimedReviewFlow())
        .run(new Submit("draft"), RunOptions.defaults().withRunStore(store));
    assertEquals(new ReviewWanted("draft"), run.events().findFirst().orElseThrow());
    Thread.sleep(1500); // held in memory after the checkpoint of the question: not recorded
    run.cancel();
    assertThrows(WorkflowCancelledException.class, run::result);

    Duration recorded = Snapshot.fromJson(store.load(run.runId()).orElseThrow().snapshotJson()).elapsed();
    assertTrue(recorded.compareTo(Duration.ofMillis(1000)) < 0, "recorded " + recorded);
    WorkflowHandler<Reviewed> resumed = TimedReviewFlow_Workflow.of(new TimedReviewFlow()).resume(run.runId(), store);
    Thread.sleep(1600); // with the 1.5 s counted, 3.1 s of its 3 s timeout would be gone
    resumed.sendEvent(new Verdict(false));
    assertEquals(new Reviewed("draft", false), resumed.result());
  }

  @Test
  void aResumedRunWhoseTimeoutIsUsedUpTimesOutAtOnceWithoutRunningAStep() throws InterruptedException {
    Snapshot snapshot = pausedFor(300);
    TimedReviewFlow flow = new TimedReviewFlow();
    WorkflowHandler<Reviewed> resumed = TimedReviewFlow_Workflow.of(flow)
        .resume(snapshot, RunOptions.defaults().withTimeout(Duration.ofMillis(200)));
    assertEquals(List.of(new WorkflowTimedOutEvent(Duration.ofMillis(200), List.of())), resumed.events().toList());
    assertThrows(WorkflowTimeoutException.class, resumed::result);
    assertEquals(0, flow.asked.get());
  }

  @Test
  void timeAliveAddsUpOverResumesAndTimeOutOfMemoryDoesNot() throws InterruptedException {
    Snapshot first = pausedFor(100);
    Thread.sleep(1000); // out of memory
    WorkflowHandler<Reviewed> resumed = TimedReviewFlow_Workflow.of(new TimedReviewFlow()).resume(first);
    Thread.sleep(200);
    Snapshot second = resumed.snapshot();
    Duration added = second.elapsed().minus(first.elapsed());
    assertTrue(added.compareTo(Duration.ofMillis(200)) >= 0 && added.compareTo(Duration.ofMillis(1000)) < 0,
        "the resumed run added " + added + ": its 200 ms alive, not the second out of memory");

    resumed.sendEvent(new Verdict(true));
    assertEquals(new Reviewed("draft", true), resumed.result());
    Duration total = resumed.snapshot().elapsed();
    assertTrue(total.compareTo(second.elapsed()) >= 0, total + " after the end, " + second.elapsed() + " before");
  }
}
