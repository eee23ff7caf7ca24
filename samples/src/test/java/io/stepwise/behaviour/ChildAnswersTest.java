package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.ChildEvent;
import io.stepwise.CompiledWorkflow;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.ChildAnswerFlows.Answer;
import io.stepwise.behaviour.ChildAnswerFlows.QuestioningChild;
import io.stepwise.behaviour.ChildAnswerFlows.Stray;
import io.stepwise.behaviour.ChildAnswerFlows.WaitingChild;
import io.stepwise.behaviour.ChildFlows.Ask;
import io.stepwise.behaviour.ChildFlows.Found;
import io.stepwise.behaviour.ChildFlows.Go;
import io.stepwise.behaviour.ChildFlows.Report;
import io.stepwise.behaviour.ChildSnapshotFlows.AskingParent;
import io.stepwise.behaviour.ChildSnapshotFlows.Question;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A child that asks a person is answered through its parent's handler, also after the parent is resumed. */
@Timeout(30)
class ChildAnswersTest {

  private static CompiledWorkflow<Go, Report> parentOf(CompiledWorkflow<Ask, Found> child) {
    return ChildSnapshotFlows_AskingParent_Workflow.of(new AskingParent(child));
  }

  private static CompiledWorkflow<Ask, Found> questioning() {
    return ChildAnswerFlows_QuestioningChild_Workflow.of(new QuestioningChild());
  }

  /** The child's question, read from the parent's stream. */
  private static ChildEvent question(Iterator<?> events) {
    ChildEvent asked = assertInstanceOf(ChildEvent.class, events.next());
    assertEquals(new Question("what about otters?"), asked.event());
    return asked;
  }

  @Test
  void answerSentToTheParentReachesTheChildThatAskedAndTheParentFinishesWithItsResult() {
    WorkflowHandler<Report> run = parentOf(questioning()).run(new Go());
    Iterator<?> events = run.events().iterator();
    ChildEvent asked = question(events);
    assertEquals("questioning-child", asked.workflow());

    run.sendEvent(new Answer("they hold hands"));

    assertEquals(new Report("child says: answered: they hold hands"), run.result());
    ChildEvent childStop = assertInstanceOf(ChildEvent.class, events.next());
    assertEquals(new ChildEvent(asked.childRunId(), "questioning-child", new Found("answered: they hold hands")),
        childStop);
  }

  @Test
  void answerSentToTheParentWakesAChildWaitingForItWithWaitForEvent() {
    WorkflowHandler<Report> run = parentOf(ChildAnswerFlows_WaitingChild_Workflow.of(new WaitingChild())).run(new Go());
    question(run.events().iterator());

    run.sendEvent(new Answer("they sleep afloat"));

    assertEquals(new Report("child says: waited for: they sleep afloat"), run.result());
  }

  @Test
  void answerSentToOneChildByItsRunIdReachesIt() {
    WorkflowHandler<Report> run = parentOf(questioning()).run(new Go());
    ChildEvent asked = question(run.events().iterator());

    run.sendEventToChild(asked.childRunId(), new Answer("by name"));

    assertEquals(new Report("child says: answered: by name"), run.result());
  }

  @Test
  void resumedParentPassesTheAnswerToItsResumedChild() {
    WorkflowHandler<Report> first = parentOf(questioning()).run(new Go());
    ChildEvent asked = question(first.events().iterator());
    String json = first.snapshot().toJson();
    first.cancel();
    assertThrows(WorkflowCancelledException.class, first::result);

    WorkflowHandler<Report> resumed = parentOf(questioning()).resume(Snapshot.fromJson(json));
    resumed.sendEvent(new Answer("after the restart"));

    assertEquals(new Report("child says: answered: after the restart"), resumed.result());
    ChildEvent childStop = assertInstanceOf(ChildEvent.class, resumed.events().iterator().next());
    assertEquals(asked.childRunId(), childStop.childRunId()); // the same child, resumed
  }

  @Test
  void resumedParentPassesAnAnswerAddressedByTheChildsRunIdToTheResumedChild() {
    WorkflowHandler<Report> first = parentOf(questioning()).run(new Go());
    ChildEvent asked = question(first.events().iterator());
    String json = first.snapshot().toJson();
    first.cancel();

    WorkflowHandler<Report> resumed = parentOf(questioning()).resume(Snapshot.fromJson(json));
    resumed.sendEventToChild(asked.childRunId(), new Answer("still you"));

    assertEquals(new Report("child says: answered: still you"), resumed.result());
  }

  @Test
  void eventThatNeitherTheParentNorItsChildrenAcceptIsRejectedNamingWhatTheParentAccepts() {
    WorkflowHandler<Report> run = parentOf(questioning()).run(new Go());
    ChildEvent asked = question(run.events().iterator());

    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, () -> run.sendEvent(new Stray()));

    assertEquals("Workflow 'asking-parent' has no step that accepts " + Stray.class.getName() + ", and no child run"
        + " of run " + run.runId() + " accepts it (child runs in flight: [" + asked.childRunId()
        + " (questioning-child)]); it accepts: [Go]", rejected.getMessage());
    run.sendEvent(new Answer("still waiting"));
    assertEquals(new Report("child says: answered: still waiting"), run.result());
  }

  @Test
  void answerAddressedToAnUnknownChildRunIsRejectedListingTheChildrenInFlight() {
    WorkflowHandler<Report> run = parentOf(questioning()).run(new Go());
    ChildEvent asked = question(run.events().iterator());

    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
        () -> run.sendEventToChild("no-such-run", new Answer("lost")));

    assertEquals("Run " + run.runId() + " of workflow 'asking-parent' has no child run no-such-run in flight"
        + " (child runs in flight: [" + asked.childRunId() + " (questioning-child)]); a child run takes events only"
        + " while it runs: take its id from a ChildEvent of this run's stream", rejected.getMessage());
    assertFalse(run.isDone());
    run.cancel();
  }

  @Test
  void eventAddressedToAChildThatDoesNotAcceptItIsRejectedNamingWhatTheChildAccepts() {
    WorkflowHandler<Report> run = parentOf(questioning()).run(new Go());
    ChildEvent asked = question(run.events().iterator());

    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
        () -> run.sendEventToChild(asked.childRunId(), new Stray()));

    assertEquals("Child run " + asked.childRunId() + " of workflow 'questioning-child' has no step that accepts "
        + Stray.class.getName() + "; it accepts: [Answer, Ask]", rejected.getMessage());
    run.cancel();
  }

  @Test
  void answerAddressedToAChildAfterTheParentFinishedIsRejectedAsForAnyFinishedRun() {
    WorkflowHandler<Report> run = parentOf(questioning()).run(new Go());
    ChildEvent asked = question(run.events().iterator());
    run.sendEvent(new Answer("once"));
    run.result();

    IllegalStateException rejected = assertThrows(IllegalStateException.class,
        () -> run.sendEventToChild(asked.childRunId(), new Answer("twice")));

    assertEquals("Run " + run.runId() + " of workflow 'asking-parent' has already finished; start a new run",
        rejected.getMessage());
  }
}
