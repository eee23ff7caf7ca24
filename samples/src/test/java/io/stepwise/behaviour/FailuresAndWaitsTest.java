package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.Event;
import io.stepwise.WaitTimeoutException;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import io.stepwise.WorkflowTimeoutException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Retries, per-step timeouts, error handlers, run timeouts and waitForEvent, through generated code. */
@Timeout(30)
class FailuresAndWaitsTest {

  @Test
  void stepThatFailsTwiceReturnsOnItsThirdAttempt() {
    var result = FailureFlows_FlakyFlow_Workflow.of(new FailureFlows.FlakyFlow(2)).run(new FailureFlows.Go()).result();
    assertEquals(new FailureFlows.Done("attempt 3 of 3 after attempt 2"), result);
  }

  @Test
  void stepThatAlwaysFailsSurfacesItsThirdException() {
    var run = FailureFlows_FlakyFlow_Workflow.of(new FailureFlows.FlakyFlow(99)).run(new FailureFlows.Go());
    var failure = assertThrows(WorkflowFailedException.class, run::result);
    assertEquals("call", failure.step());
    assertEquals("attempt 3", failure.getCause().getMessage());
  }

  @Test
  void perStepTimeoutIsRetriedIntoSuccess() {
    var result = FailureFlows_SlowFirstFlow_Workflow.of(new FailureFlows.SlowFirstFlow()).run(new FailureFlows.Go()).result();
    assertEquals(new FailureFlows.Done("attempt 2 after " + TimeoutException.class.getSimpleName()), result);
  }

  @Test
  void errorHandlerRecoversAFailedStep() {
    var result = FailureFlows_RecoverFlow_Workflow.of(new FailureFlows.RecoverFlow()).run(new FailureFlows.Go()).result();
    assertEquals(new FailureFlows.Done("recovered fetch on Go: service down after 2 attempts"), result);
  }

  @Test
  void runThatNeverReachesAStopEventTimesOutInsteadOfHanging() {
    var run = FailureFlows_NeverStopsFlow_Workflow.of(new FailureFlows.NeverStopsFlow()).run(new FailureFlows.Go());
    var timeout = assertThrows(WorkflowTimeoutException.class, run::result);
    assertEquals(java.time.Duration.ofMillis(300), timeout.timeout());
  }

  @Test
  void severalWaitersEachGetTheirOwnReplyFromOutside() {
    WorkflowHandler<WaitFlows.Answers> run =
        WaitFlows_ManyWaitersFlow_Workflow.of(new WaitFlows.ManyWaitersFlow()).run(new WaitFlows.Go(3));
    Iterator<Event> stream = run.events().iterator();
    int questions = 0;
    while (questions < 3) {
      if (stream.next() instanceof WaitFlows.Question) {
        questions++;
      }
    }
    for (int id = 2; id >= 0; id--) {
      run.sendEvent(new WaitFlows.Reply(id, "r" + id));
    }
    assertEquals(new WaitFlows.Answers(List.of("0=r0", "1=r1", "2=r2")), run.result());
  }

  @Test
  void waitWithoutAnswerTimesOutNamingTheAwaitedType() {
    var run = WaitFlows_UnansweredFlow_Workflow.of(new WaitFlows.UnansweredFlow()).run(new WaitFlows.Go(1));
    var failure = assertThrows(WorkflowFailedException.class, run::result);
    var timeout = assertInstanceOf(WaitTimeoutException.class, failure.getCause());
    assertEquals(WaitFlows.Reply.class.getName(), timeout.awaitedType());
    assertEquals("Step 'ask' waited PT0.1S for io.stepwise.behaviour.WaitFlows$Reply, but no matching event"
        + " arrived", timeout.getMessage());
  }

  @Test
  void sendingToAStepThatDoesNotAcceptTheEventFailsClearly() {
    var run = WaitFlows_UnansweredFlow_Workflow.of(new WaitFlows.UnansweredFlow()).run(new WaitFlows.Go(1));
    var unknown = assertThrows(IllegalArgumentException.class, () -> run.sendEvent(new WaitFlows.Reply(0, "x"), "nope"));
    assertEquals("Workflow 'UnansweredFlow' has no step 'nope' to send io.stepwise.behaviour.WaitFlows$Reply to;"
        + " its steps are: [ask]", unknown.getMessage());
    var refused = assertThrows(IllegalArgumentException.class, () -> run.sendEvent(new WaitFlows.Ask(0), "ask"));
    assertEquals("Step 'ask' of workflow 'UnansweredFlow' does not accept io.stepwise.behaviour.WaitFlows$Ask;"
        + " steps that accept it: []", refused.getMessage());
    run.sendEvent(new WaitFlows.Reply(0, "accepted: ask waits for it"), "ask");
    run.cancel();
  }
}
