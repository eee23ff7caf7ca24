package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.WaitFlows.Answers;
import io.stepwise.behaviour.WaitFlows.Go;
import io.stepwise.behaviour.WaitFlows.Question;
import io.stepwise.behaviour.WaitFlows.Reply;
import io.stepwise.store.InMemoryRunStore;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pause pattern of docs/human-in-the-loop.md: resume a run that was waiting and send the answer
 * at once. The re-run steps have not opened their waits again yet (a gate holds them), and the
 * answers must still reach them: the resumed run keeps events of the awaited type for each wait
 * that was open at its cut.
 */
@Timeout(30)
class AnswerAfterResumeTest {
  private static final CountDownLatch OPEN = new CountDownLatch(0);

  @Test
  void answersSentRightAfterResumingASnapshotReachTheWaitsTheReRunOpensLater() {
    WorkflowHandler<Answers> run = WaitFlows_HesitantAskersFlow_Workflow.of(new WaitFlows.HesitantAskersFlow(OPEN))
        .run(new Go(2));
    awaitQuestions(run);
    String json = run.snapshot().toJson();
    run.cancel();

    CountDownLatch gate = new CountDownLatch(1);
    WorkflowHandler<Answers> resumed = WaitFlows_HesitantAskersFlow_Workflow.of(new WaitFlows.HesitantAskersFlow(gate))
        .resume(Snapshot.fromJson(json));
    resumed.sendEvent(new Reply(1, "one"));
    resumed.sendEvent(new Reply(0, "zero"));
    gate.countDown();

    assertEquals(new Answers(List.of("0=zero", "1=one")), resumed.result());
  }

  @Test
  void answersSentRightAfterResumingAStoredRunAreKeptThroughAnotherCheckpoint() {
    RunStore store = new InMemoryRunStore();
    WorkflowHandler<Answers> run = WaitFlows_HesitantAskersFlow_Workflow.of(new WaitFlows.HesitantAskersFlow(OPEN))
        .run(new Go(2), RunOptions.builder().runStore(store).build());
    awaitQuestions(run);
    run.cancel();

    CountDownLatch gate = new CountDownLatch(1);
    WaitFlows.HesitantAskersFlow flow = new WaitFlows.HesitantAskersFlow(gate);
    WorkflowHandler<Answers> resumed = WaitFlows_HesitantAskersFlow_Workflow.of(flow).resume(run.runId(), store);
    resumed.sendEvent(new Reply(0, "zero"));
    // A snapshot now holds the early answer for asker 0's wait, which its re-run has not opened.
    String held = resumed.snapshot().toJson();
    resumed.cancel();
    // Its last save (status FAILED) is in before result() ends; cancel() alone does not wait for it.
    assertThrows(WorkflowCancelledException.class, resumed::result);

    WorkflowHandler<Answers> last = WaitFlows_HesitantAskersFlow_Workflow.of(new WaitFlows.HesitantAskersFlow(OPEN))
        .resume(Snapshot.fromJson(held));
    last.sendEvent(new Reply(1, "one"));
    assertEquals(new Answers(List.of("0=zero", "1=one")), last.result());
    assertEquals(RunStatus.FAILED, store.load(run.runId()).orElseThrow().status()); // cancelled; the snapshot ran on
  }

  private static void awaitQuestions(WorkflowHandler<Answers> run) {
    Iterator<Event> events = run.events().iterator();
    Set<Event> asked = new HashSet<>();
    while (asked.size() < 2) {
      asked.add(events.next());
    }
    assertEquals(Set.of(new Question(0), new Question(1)), asked);
  }
}
