package io.stepwise.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.store.InMemoryRunStore;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.StoredRun;
import io.stepwise.store.directory.DirectoryRunStore;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Timeout(60)
class DurableRunTest {
  @TempDir
  Path directory;

  /** Reads the run's stream up to its question: with a store, the question comes once it is saved. */
  private static StoredRun awaitQuestion(RunStore store, WorkflowHandler<?> run) {
    assertInstanceOf(AskFlow.Question.class, run.events().iterator().next());
    return store.load(run.runId()).orElseThrow();
  }

  @Test
  void aRunWithAStoreCheckpointsEachStepAndEndsFinished() {
    RunStore store = new InMemoryRunStore();
    List<Snapshot> alsoSeen = new CopyOnWriteArrayList<>();

    WorkflowHandler<CountFlow.Counted> run = CountFlow_Workflow.of(new CountFlow(-1))
        .run(new CountFlow.CountTo(3), RunOptions.defaults().withCheckpoints(alsoSeen::add).withRunStore(store));
    CountFlow.Counted result = run.result();

    StoredRun stored = store.load(run.runId()).orElseThrow();
    assertEquals(new CountFlow.Counted(5, List.of(0, 1, 4)), result);
    assertEquals(RunStatus.FINISHED, stored.status());
    assertEquals("count", stored.checkpoint().workflow());
    // The run's start, 'start' and two 'count' steps are checkpointed (not the last one, which ends
    // the run), then the end.
    assertEquals(4, alsoSeen.size());
    assertEquals(5, stored.version());
    assertEquals(alsoSeen.get(3).toJson(), stored.snapshotJson());
  }

  @Test
  void aRunPausedForInputIsListedAsWaitingAndAnotherProcessAnswersIt() throws Exception {
    RunStore store = DirectoryRunStore.open(directory);
    WorkflowHandler<AskFlow.Answered> first = AskFlow_Workflow.of(new AskFlow())
        .run(new AskFlow.Begin("tea"), RunOptions.defaults().withRunStore(store));
    StoredRun waiting = awaitQuestion(store, first);
    assertEquals(RunStatus.WAITING, waiting.status());
    assertEquals(List.of(waiting), store.list(EnumSet.of(RunStatus.WAITING)));

    // As a second process would: open the store, resume the waiting run, answer it.
    RunStore reopened = DirectoryRunStore.open(directory);
    WorkflowHandler<AskFlow.Answered> resumed = AskFlow_Workflow.of(new AskFlow()).resume(first.runId(), reopened);
    resumed.sendEvent(new AskFlow.Reply("green"));

    assertEquals(new AskFlow.Answered("tea", "green"), resumed.result());
    assertEquals(RunStatus.FINISHED, store.load(first.runId()).orElseThrow().status());
    // The first handler's run still waits in this process; ending it now must not undo the answer.
    first.cancel();
    assertThrows(WorkflowCancelledException.class, first::result);
    assertEquals(RunStatus.FINISHED, store.load(first.runId()).orElseThrow().status());
  }

  @Test
  void aFinishedRunIsNotResumed() {
    RunStore store = new InMemoryRunStore();
    WorkflowHandler<CountFlow.Counted> run = CountFlow_Workflow.of(new CountFlow(-1))
        .run(new CountFlow.CountTo(2), RunOptions.defaults().withRunStore(store));
    run.result();

    IllegalStateException finished = assertThrows(IllegalStateException.class,
        () -> CountFlow_Workflow.of(new CountFlow(-1)).resume(run.runId(), store));

    assertEquals("Run '" + run.runId() + "' of workflow 'count' has finished; there is nothing to resume",
        finished.getMessage());
  }

  @Test
  void unknownRunsAndOtherWorkflowsRunsAreRefused() throws Exception {
    RunStore store = new InMemoryRunStore();
    WorkflowHandler<AskFlow.Answered> asking = AskFlow_Workflow.of(new AskFlow())
        .run(new AskFlow.Begin("tea"), RunOptions.defaults().withRunStore(store));
    assertEquals(RunStatus.WAITING, awaitQuestion(store, asking).status());

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> CountFlow_Workflow.of(new CountFlow(-1)).resume("no-such-run", store));
    IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
        () -> CountFlow_Workflow.of(new CountFlow(-1)).resume(asking.runId(), store));

    assertEquals("The run store has no run 'no-such-run' to resume; store.list() shows the runs it has",
        unknown.getMessage());
    assertEquals("Run '" + asking.runId() + "' is a run of workflow 'ask', not of 'count'; resume it with its own"
        + " workflow", foreign.getMessage());
    asking.cancel();
    assertThrows(WorkflowCancelledException.class, asking::result);
    assertEquals(RunStatus.FAILED, store.load(asking.runId()).orElseThrow().status());
  }
}
