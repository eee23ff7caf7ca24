package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.store.InMemoryRunStore;
import io.stepwise.store.RunStatus;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code WorkflowHandler.release()}: a run waiting only for the outside is let go, its store keeping it. */
@Timeout(60)
class ReleaseTest {
  @Test
  void aWaitingRunIsReleasedAndResumedFromItsStoreToTheSameResult() throws Exception {
    var flow = new ForgottenFlow();
    var store = new InMemoryRunStore();
    var workflow = ForgottenFlow_Workflow.of(flow);
    var run = workflow.run(new ForgottenFlow.Go(), RunOptions.builder().runId("r1").runStore(store).build());
    assertTrue(flow.waiting.await(10, TimeUnit.SECONDS));
    var stream = run.events().iterator();
    assertEquals(new ForgottenFlow.Ask("anyone?"), stream.next()); // published once its checkpoint is saved

    assertTrue(run.release().get(10, TimeUnit.SECONDS));

    assertTrue(run.isDone());
    assertInstanceOf(WorkflowCancelledEvent.class, stream.next());
    assertFalse(stream.hasNext());
    var thrown = assertThrows(WorkflowCancelledException.class, run::result);
    assertTrue(thrown.getMessage().contains("released from memory"), thrown.getMessage());
    assertEquals(RunStatus.WAITING, store.load("r1").orElseThrow().status());

    var resumed = workflow.resume("r1", store);
    resumed.sendEvent(new ForgottenFlow.Answer("me"));
    assertEquals(new ForgottenFlow.Done("me"), resumed.result());
    List<Event> after = resumed.events().toList();
    // The wait still open at the release asks again on resume (docs/durability.md); nothing else repeats.
    assertEquals(List.of(new ForgottenFlow.Ask("anyone?"), new ForgottenFlow.Done("me")), after);
  }

  @Test
  void aRunWithWorkIsNotReleased() throws Exception {
    var flow = new ForgottenFlow();
    var store = new InMemoryRunStore();
    var run = ForgottenFlow_Workflow.of(flow).run(new ForgottenFlow.Go(),
        RunOptions.builder().runStore(store).build());
    assertTrue(flow.waiting.await(10, TimeUnit.SECONDS));
    run.sendEvent(new ForgottenFlow.Answer("now"));
    assertEquals(new ForgottenFlow.Done("now"), run.result());
    assertFalse(run.release().get(10, TimeUnit.SECONDS)); // ended: nothing to release
  }

  @Test
  void aRunWithATimeoutIsNotReleased() throws Exception {
    var run = WorkflowsWithTimeout.start();
    assertFalse(run.release().get(10, TimeUnit.SECONDS));
    assertFalse(run.isDone());
    run.cancel();
  }

  @Test
  void aRunWithoutAStoreCannotBeReleased() throws Exception {
    var flow = new ForgottenFlow();
    var run = ForgottenFlow_Workflow.of(flow).run(new ForgottenFlow.Go());
    assertTrue(flow.waiting.await(10, TimeUnit.SECONDS));
    var thrown = assertThrows(IllegalStateException.class, run::release);
    assertTrue(thrown.getMessage().startsWith("Run " + run.runId() + " of workflow '"), thrown.getMessage());
    assertTrue(thrown.getMessage().endsWith("' has no run store, so releasing it from memory would lose it; start it"
        + " with RunOptions.builder().runStore(...)"), thrown.getMessage());
    run.cancel();
  }

  /** The same wait under a run timeout: its timer must fire in memory. */
  private static final class WorkflowsWithTimeout {
    static io.stepwise.WorkflowHandler<ForgottenFlow.Done> start() throws InterruptedException {
      var flow = new ForgottenFlow();
      var run = ForgottenFlow_Workflow.of(flow).run(new ForgottenFlow.Go(), RunOptions.builder()
          .runStore(new InMemoryRunStore()).timeout(java.time.Duration.ofMinutes(5)).build());
      assertTrue(flow.waiting.await(10, TimeUnit.SECONDS));
      return run;
    }
  }
}
