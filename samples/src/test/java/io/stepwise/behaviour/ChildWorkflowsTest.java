package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.ChildEvent;
import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.WorkflowTimeoutException;
import io.stepwise.behaviour.ChildFlows.Found;
import io.stepwise.behaviour.ChildFlows.Go;
import io.stepwise.behaviour.ChildFlows.Note;
import io.stepwise.behaviour.ChildFlows.Report;
import io.stepwise.internal.snapshot.Snapshots;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Child workflows run from a step with {@code ctx.runChild}, through generated code. */
@Timeout(30)
class ChildWorkflowsTest {

  @Test
  void childStreamAppearsInTheParentStreamMarkedAsTheChildsBeforeTheParentResult() {
    var handler = ChildFlows_Parent_Workflow.of(new ChildFlows.Parent(new ChildFlows.Child(0))).run(new Go());
    List<Event> events = handler.events().toList();
    assertEquals(4, events.size());
    String childRun = ((ChildEvent) events.getFirst()).childRunId();
    assertEquals(List.of(
        new ChildEvent(childRun, "child", new Note("reading about otters")),
        new ChildEvent(childRun, "child", new Note("done with otters")),
        new ChildEvent(childRun, "child", new Found("otters is interesting")),
        new Report("child says: otters is interesting")), events);
    assertTrue(!childRun.equals(handler.runId()));
  }

  @Test
  void childFailureFailsTheStepWhoseRetryRunsANewChild() {
    var child = new ChildFlows.Child(1);
    var result = ChildFlows_Parent_Workflow.of(new ChildFlows.Parent(child)).run(new Go()).result();
    assertEquals(new Report("child says: otters is interesting"), result);
    assertEquals(2, child.runs.get());
  }

  @Test
  void childFailureThatOutlastsTheRetriesReachesTheParentsErrorHandler() {
    var child = new ChildFlows.Child(2);
    var result = ChildFlows_Parent_Workflow.of(new ChildFlows.Parent(child)).run(new Go()).result();
    assertEquals(new Report("recovered ask after 2 attempts: " + "Workflow 'child' failed in step 'research':"
        + " java.lang.IllegalStateException: child run 2 broke / child run 2 broke"), result);
  }

  @Test
  void cancellingTheParentCancelsTheChild() throws InterruptedException {
    var child = new ChildFlows.BlockingChild();
    var handler = ChildFlows_WaitingParent_Workflow.of(new ChildFlows.WaitingParent(child)).run(new Go());
    assertTrue(child.started.await(10, TimeUnit.SECONDS));
    handler.cancel();
    assertThrows(WorkflowCancelledException.class, handler::result);
    assertTrue(child.interrupted.await(10, TimeUnit.SECONDS));
    assertInstanceOf(WorkflowCancelledEvent.class, handler.events().toList().getLast());
  }

  @Test
  void parentTimeoutCancelsTheChild() throws InterruptedException {
    var child = new ChildFlows.BlockingChild();
    var handler = ChildFlows_WaitingParent_Workflow.of(new ChildFlows.WaitingParent(child))
        .run(new Go(), RunOptions.defaults().withTimeout(Duration.ofMillis(200)));
    assertThrows(WorkflowTimeoutException.class, handler::result);
    assertTrue(child.started.await(10, TimeUnit.SECONDS));
    assertTrue(child.interrupted.await(10, TimeUnit.SECONDS));
    assertInstanceOf(WorkflowTimedOutEvent.class, handler.events().toList().getLast());
  }

  @Test
  void resumingAParentSnapshotTakenWhileItsChildRunsResumesThatChildWhoseStepInFlightRunsAgain()
      throws InterruptedException {
    var first = new ChildFlows.BlockingChild();
    var handler = ChildFlows_WaitingParent_Workflow.of(new ChildFlows.WaitingParent(first)).run(new Go());
    assertTrue(first.started.await(10, TimeUnit.SECONDS));
    Snapshot taken = handler.snapshot();
    String childRunId = Snapshots.image(taken).children().getFirst().snapshot().runId();
    Snapshot snapshot = Snapshot.fromJson(taken.toJson());
    handler.cancel();
    assertTrue(first.interrupted.await(10, TimeUnit.SECONDS));

    var second = new ChildFlows.BlockingChild(false);
    var resumed = ChildFlows_WaitingParent_Workflow.of(new ChildFlows.WaitingParent(second)).resume(snapshot);
    List<Event> events = resumed.events().toList();
    assertEquals(new Report("the child ended"), resumed.result());
    assertEquals(0, second.started.getCount());
    assertEquals(2, events.size());
    ChildEvent childStop = (ChildEvent) events.getFirst();
    assertEquals(new ChildFlows.Hold(), childStop.event());
    assertEquals(childRunId, childStop.childRunId());
  }

  @Test
  void childResultIsTheTypedStopEvent() {
    Found found = ChildFlows_Child_Workflow.of(new ChildFlows.Child(0)).run(new ChildFlows.Ask("owls")).result();
    assertEquals(new Found("owls is interesting"), found);
  }
}
