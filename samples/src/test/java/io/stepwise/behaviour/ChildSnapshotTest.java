package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.ChildEvent;
import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.SnapshotException;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.ChildFlows.Go;
import io.stepwise.behaviour.ChildFlows.Report;
import io.stepwise.behaviour.ChildSnapshotFlows.AskingChild;
import io.stepwise.behaviour.ChildSnapshotFlows.AskingParent;
import io.stepwise.behaviour.ChildSnapshotFlows.Question;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A parent snapshot taken while its step's child waits for a person resumes the child, not a new one. */
@Timeout(30)
class ChildSnapshotTest {

  /** Runs a parent until its child asks its question; returns the snapshot JSON and the child's run id. */
  private static Taken askedAndSnapshotted(AskingChild child) throws InterruptedException {
    var parent = new AskingParent(ChildSnapshotFlows_AskingChild_Workflow.of(child));
    WorkflowHandler<Report> run = ChildSnapshotFlows_AskingParent_Workflow.of(parent).run(new Go());
    Iterator<Event> events = run.events().iterator();
    ChildEvent asked = (ChildEvent) events.next();
    assertEquals(new Question("what about otters?"), asked.event());
    assertTrue(child.listening.await(10, TimeUnit.SECONDS));
    String json = run.snapshot().toJson();
    run.cancel();
    assertThrows(WorkflowCancelledException.class, run::result);
    return new Taken(json, asked.childRunId());
  }

  private record Taken(String json, String childRunId) {}

  @Test
  void resumedParentResumesItsWaitingChildWhichFinishesWithThePersonsAnswer() throws InterruptedException {
    var first = new AskingChild();
    Taken taken = askedAndSnapshotted(first);
    assertTrue(taken.json().contains("\"children\":[{\"call\":0,\"workflow\":\"asking-child\",\"snapshot\":"
        + "{\"format\":1,\"workflow\":\"asking-child\""), taken.json());

    var second = new AskingChild();
    var parent = new AskingParent(ChildSnapshotFlows_AskingChild_Workflow.of(second));
    WorkflowHandler<Report> resumed = ChildSnapshotFlows_AskingParent_Workflow.of(parent)
        .resume(Snapshot.fromJson(taken.json()));
    assertTrue(second.listening.await(10, TimeUnit.SECONDS));
    second.person.add("they hold hands");

    assertEquals(new Report("child says: what about otters? they hold hands"), resumed.result());
    assertEquals(1, first.prepared.get());
    assertEquals(0, second.prepared.get()); // resumed after its first step: that step never ran again
    assertEquals(1, parent.asks.get());
    List<Event> events = resumed.events().toList();
    assertEquals(2, events.size());
    ChildEvent childStop = assertInstanceOf(ChildEvent.class, events.getFirst());
    assertEquals(taken.childRunId(), childStop.childRunId());
    assertEquals(new ChildFlows.Found("what about otters? they hold hands"), childStop.event());
  }

  @Test
  void resumingAParentWhoseStepNowRunsAnotherChildWorkflowFailsTheStepWithOtherWorkflow()
      throws InterruptedException {
    Taken taken = askedAndSnapshotted(new AskingChild());
    var other = ChildFlows_Child_Workflow.of(new ChildFlows.Child(0));
    WorkflowHandler<Report> resumed = ChildSnapshotFlows_AskingParent_Workflow.of(new AskingParent(other))
        .resume(Snapshot.fromJson(taken.json()));

    WorkflowFailedException failed = assertThrows(WorkflowFailedException.class, resumed::result);
    SnapshotException cause = assertInstanceOf(SnapshotException.class, failed.getCause());
    assertEquals(SnapshotException.Reason.OTHER_WORKFLOW, cause.reason());
    assertEquals("Cannot resume child run " + taken.childRunId() + " in step 'ask' of run " + resumed.runId()
        + ": runChild call 0 of the step ran workflow 'asking-child' when the snapshot was taken, and now runs"
        + " workflow 'child'. Make the step run its children in the order of the version that took the snapshot,"
        + " or let the run finish there before deploying the change.", cause.getMessage());
  }

  @Test
  void resumingAParentWhoseChildGraphChangedFailsTheStepWithTheChildsChangedGraph() throws InterruptedException {
    Taken taken = askedAndSnapshotted(new AskingChild());
    var reworked = ChildSnapshotFlows_ReworkedAskingChild_Workflow.of(new ChildSnapshotFlows.ReworkedAskingChild());
    WorkflowHandler<Report> resumed = ChildSnapshotFlows_AskingParent_Workflow.of(new AskingParent(reworked))
        .resume(Snapshot.fromJson(taken.json()));

    WorkflowFailedException failed = assertThrows(WorkflowFailedException.class, resumed::result);
    SnapshotException cause = assertInstanceOf(SnapshotException.class, failed.getCause());
    assertEquals(SnapshotException.Reason.CHANGED_GRAPH, cause.reason());
    assertTrue(cause.getMessage().startsWith("Cannot resume the snapshot of run " + taken.childRunId()
        + ": the graph of workflow 'asking-child' changed since it was taken"), cause.getMessage());
  }

  @Test
  void childSnapshotWithoutItsFormatVersionIsInvalidContentOfTheParent() throws InterruptedException {
    String json = askedAndSnapshotted(new AskingChild()).json()
        .replace("\"snapshot\":{\"format\":1,", "\"snapshot\":{");
    var parent = ChildSnapshotFlows_AskingParent_Workflow.of(
        new AskingParent(ChildSnapshotFlows_AskingChild_Workflow.of(new AskingChild())));
    Snapshot snapshot = Snapshot.fromJson(json);

    SnapshotException error = assertThrows(SnapshotException.class, () -> parent.resume(snapshot));
    assertEquals(SnapshotException.Reason.INVALID_CONTENT, error.reason());
    assertEquals("Cannot restore snapshot of workflow 'asking-parent': Cannot decode JSON at"
        + " snapshot.executions[0].children[0].snapshot (line 1, column " + (json.indexOf("\"snapshot\":{") + 12)
        + "): the child's snapshot cannot be read: it has no format version (a positive \"format\"). Pass the text"
        + " Snapshot.toJson() wrote, unchanged.", error.getMessage());
  }

  @Test
  void childSnapshotOfAnotherWorkflowThanItsEntryNamesIsInvalidContentOfTheParent() throws InterruptedException {
    String json = askedAndSnapshotted(new AskingChild()).json()
        .replace("\"snapshot\":{\"format\":1,\"workflow\":\"asking-child\"",
            "\"snapshot\":{\"format\":1,\"workflow\":\"research\"");
    var parent = ChildSnapshotFlows_AskingParent_Workflow.of(
        new AskingParent(ChildSnapshotFlows_AskingChild_Workflow.of(new AskingChild())));
    Snapshot snapshot = Snapshot.fromJson(json);

    SnapshotException error = assertThrows(SnapshotException.class, () -> parent.resume(snapshot));
    assertEquals(SnapshotException.Reason.INVALID_CONTENT, error.reason());
    assertTrue(error.getMessage().endsWith("the child's snapshot is of workflow 'research', but its entry names"
        + " workflow 'asking-child'. Pass the text Snapshot.toJson() wrote, unchanged."), error.getMessage());
  }

  @Test
  void childEntryWhoseSnapshotIsNotAnObjectIsInvalidContentOfTheParent() throws InterruptedException {
    String original = askedAndSnapshotted(new AskingChild()).json();
    int start = original.indexOf("\"snapshot\":{") + "\"snapshot\":".length();
    int end = original.indexOf("}}]", start) + 1; // the child's snapshot ends its entry, the last of its list
    String json = original.substring(0, start) + "\"{}\"" + original.substring(end);
    var parent = ChildSnapshotFlows_AskingParent_Workflow.of(
        new AskingParent(ChildSnapshotFlows_AskingChild_Workflow.of(new AskingChild())));
    Snapshot snapshot = Snapshot.fromJson(json);

    SnapshotException error = assertThrows(SnapshotException.class, () -> parent.resume(snapshot));
    assertEquals(SnapshotException.Reason.INVALID_CONTENT, error.reason());
    assertEquals("Cannot restore snapshot of workflow 'asking-parent': Cannot decode JSON at"
        + " snapshot.executions[0].children[0].snapshot (line 1, column " + (start + 1) + "): expected the child's"
        + " snapshot, an object, found a string. Pass the text Snapshot.toJson() wrote, unchanged.",
        error.getMessage());
  }
}
