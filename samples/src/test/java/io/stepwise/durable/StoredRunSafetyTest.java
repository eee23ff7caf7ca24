package io.stepwise.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.CheckpointFailedEvent;
import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.SaveFailurePolicy;
import io.stepwise.Snapshot;
import io.stepwise.SnapshotException;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowFailedEvent;
import io.stepwise.WorkflowHandler;
import io.stepwise.store.Checkpoint;
import io.stepwise.store.InMemoryRunStore;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.StaleRunException;
import io.stepwise.store.StoredRun;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a run with a run store promises: questions asked only once saved, failed saves reported, one owner. */
@Timeout(60)
class StoredRunSafetyTest {

  private static WorkflowHandler<AskFlow.Answered> ask(RunStore store) {
    return AskFlow_Workflow.of(new AskFlow()).run(new AskFlow.Begin("tea"), RunOptions.defaults().withRunStore(store));
  }

  /** Reads the stream up to the question, as a caller that answers it would. */
  private static AskFlow.Question question(WorkflowHandler<?> run) {
    Iterator<Event> events = run.events().iterator();
    while (true) {
      Event event = events.next();
      if (event instanceof AskFlow.Question asked) {
        return asked;
      }
    }
  }

  @Test
  void questionReachesTheStreamOnlyOnceTheCheckpointHoldingItIsSaved() throws Exception {
    GatedStore store = new GatedStore(RunStatus.WAITING, GatedStore.Mode.HOLD);
    WorkflowHandler<AskFlow.Answered> run = ask(store);
    CompletableFuture<AskFlow.Question> asked = CompletableFuture.supplyAsync(() -> question(run));

    assertTrue(store.entered.await(10, TimeUnit.SECONDS));
    assertFalse(asked.isDone(), "the question was on the stream before its checkpoint was saved");
    store.open.countDown();

    assertEquals(new AskFlow.Question("What about tea?"), asked.get(10, TimeUnit.SECONDS));
    assertEquals(RunStatus.WAITING, store.load(run.runId()).orElseThrow().status());
    run.cancel();
  }

  @Test
  void aCheckpointTheStoreRefusesFailsTheRun() {
    GatedStore store = new GatedStore(RunStatus.WAITING, GatedStore.Mode.FAIL);
    WorkflowHandler<AskFlow.Answered> run = ask(store);

    RunStoreException failed = assertThrows(RunStoreException.class, run::result);
    assertEquals("disk full", failed.getMessage());
    List<Event> events = run.events().toList();
    assertEquals(new WorkflowFailedEvent("", RunStoreException.class.getName(), "disk full"), events.getLast());
  }

  @Test
  void withTheContinuePolicyTheRunGoesOnAndTheStreamSaysThatTheSaveFailed() {
    GatedStore store = new GatedStore(RunStatus.WAITING, GatedStore.Mode.FAIL);
    WorkflowHandler<AskFlow.Answered> run = AskFlow_Workflow.of(new AskFlow()).run(new AskFlow.Begin("tea"),
        RunOptions.builder().runStore(store).saveFailures(SaveFailurePolicy.CONTINUE).build());
    Iterator<Event> events = run.events().iterator();

    assertEquals(new AskFlow.Question("What about tea?"), events.next());
    assertEquals(new CheckpointFailedEvent(RunStoreException.class.getName(), "disk full"), events.next());
    run.sendEvent(new AskFlow.Reply("green"));
    assertEquals(new AskFlow.Answered("tea", "green"), run.result());
    assertEquals(RunStatus.FINISHED, store.load(run.runId()).orElseThrow().status());
  }

  @Test
  void aStoreThatNeverAnswersFailsTheRunAfterTheStoreTimeoutInsteadOfHangingTheResult() {
    GatedStore store = new GatedStore(RunStatus.WAITING, GatedStore.Mode.HOLD);
    WorkflowHandler<AskFlow.Answered> run = AskFlow_Workflow.of(new AskFlow()).run(new AskFlow.Begin("tea"),
        RunOptions.builder().runStore(store).runStoreTimeout(Duration.ofMillis(200)).build());

    RunStoreException failed = assertThrows(RunStoreException.class, run::result);
    assertTrue(failed.getMessage().startsWith("Run " + run.runId() + ": a checkpoint save took longer than PT0.2S"
        + " (RunOptions runStoreTimeout)"), failed.getMessage());
    store.open.countDown();
  }

  @Test
  void ofTwoHandlersResumingOneStoredRunTheEarlierStopsWithStaleRunException() {
    RunStore store = new InMemoryRunStore();
    WorkflowHandler<AskFlow.Answered> first = ask(store);
    question(first);
    first.cancel();

    WorkflowHandler<AskFlow.Answered> older = AskFlow_Workflow.of(new AskFlow()).resume(first.runId(), store);
    WorkflowHandler<AskFlow.Answered> newer = AskFlow_Workflow.of(new AskFlow()).resume(first.runId(), store);
    older.sendEvent(new AskFlow.Reply("black"));

    StaleRunException stale = assertThrows(StaleRunException.class, older::result);
    assertEquals(first.runId(), stale.runId());
    newer.sendEvent(new AskFlow.Reply("green"));
    assertEquals(new AskFlow.Answered("tea", "green"), newer.result());
    StoredRun stored = store.load(first.runId()).orElseThrow();
    assertEquals(RunStatus.FINISHED, stored.status());
    // the start, ask, the cancel's FAILED, two claims, then the newer handler's end
    assertEquals(6, stored.version());
  }

  @Test
  void cancelThenResumeOfTheSameRunLetsTheResumedRunFinishEveryTime() {
    RunStore store = new InMemoryRunStore();
    for (int i = 0; i < 20; i++) {
      WorkflowHandler<AskFlow.Answered> first = ask(store);
      question(first);
      first.cancel();
      WorkflowHandler<AskFlow.Answered> resumed = AskFlow_Workflow.of(new AskFlow()).resume(first.runId(), store);
      resumed.sendEvent(new AskFlow.Reply("green"));

      assertEquals(new AskFlow.Answered("tea", "green"), resumed.result());
      assertThrows(WorkflowCancelledException.class, first::result);
      assertEquals(RunStatus.FINISHED, store.load(first.runId()).orElseThrow().status(), "round " + i);
    }
  }

  @Test
  void aStoredRecordHoldingAnotherRunsSnapshotIsNotResumed() {
    RunStore store = new InMemoryRunStore();
    WorkflowHandler<AskFlow.Answered> run = ask(store);
    question(run);
    String json = store.load(run.runId()).orElseThrow().snapshotJson();
    store.save(new Checkpoint("copied-run", "ask", Snapshot.fromJson(json).graphHash(), RunStatus.WAITING, json), 0);

    SnapshotException refused = assertThrows(SnapshotException.class,
        () -> AskFlow_Workflow.of(new AskFlow()).resume("copied-run", store));

    assertEquals(SnapshotException.Reason.INVALID_CONTENT, refused.reason());
    assertEquals("The run store's record of run 'copied-run' holds a snapshot of run '" + run.runId() + "'; the"
        + " record is corrupt or was written by hand. Resume run '" + run.runId() + "' by its own id, or delete the"
        + " record", refused.getMessage());
    assertInstanceOf(StoredRun.class, store.load("copied-run").orElseThrow()); // nothing was changed
    assertEquals(1, store.load("copied-run").orElseThrow().version());
    run.cancel();
  }

  @Test
  void aCallerChosenRunIdIsAnIdempotencyKeyWithAStore() {
    RunStore store = new InMemoryRunStore();
    RunOptions options = RunOptions.builder().runId("order-42").runStore(store).build();
    WorkflowHandler<AskFlow.Answered> run = AskFlow_Workflow.of(new AskFlow()).run(new AskFlow.Begin("tea"), options);
    assertEquals("order-42", run.runId());
    question(run);

    IllegalStateException again = assertThrows(IllegalStateException.class,
        () -> AskFlow_Workflow.of(new AskFlow()).run(new AskFlow.Begin("coffee"), options));

    assertEquals("Run 'order-42' already exists in the run store (workflow 'ask', WAITING), so it was not started"
        + " again; resume it with resume(\"order-42\", store), or start the new run under another id",
        again.getMessage());
    assertEquals(RunStatus.WAITING, store.load("order-42").orElseThrow().status());
    run.cancel();
  }

  @Test
  void aRunIdWithAControlCharacterIsRefused() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> RunOptions.builder().runId("a\nb"));
    assertEquals("A run id must not contain control characters, 'a?b' has one at index 1.", refused.getMessage());
  }
}
