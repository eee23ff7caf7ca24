package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Event;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Events that enter a run from its caller, and events a step may not emit. */
@Timeout(30)
class OutsideEventsTest {
  private record Stranger() implements Event {}

  @Test
  void humanResponseFromTheCallerFinishesTheRun() {
    WorkflowHandler<TroubleFlow.Outcome> run = TroubleFlow_Workflow.of(new TroubleFlow()).run(new TroubleFlow.Command("deploy"));
    Iterator<Event> events = run.events().iterator();
    assertEquals(new TroubleFlow.Question("Proceed with deploy?"), events.next());

    run.sendEvent(new TroubleFlow.Answer("yes"));

    assertEquals(new TroubleFlow.Outcome("human said yes"), events.next());
    assertEquals(new TroubleFlow.Outcome("human said yes"), run.result());
  }

  @Test
  void unknownEventFromOutsideIsRejectedAndTheRunGoesOn() {
    WorkflowHandler<TroubleFlow.Outcome> run = TroubleFlow_Workflow.of(new TroubleFlow()).run(new TroubleFlow.Command("deploy"));
    Iterator<Event> events = run.events().iterator();
    events.next();

    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, () -> run.sendEvent(new Stranger()));

    assertTrue(rejected.getMessage().contains("has no step that accepts " + Stranger.class.getName()), rejected.getMessage());
    run.sendEvent(new TroubleFlow.Answer("still here"));
    assertEquals(new TroubleFlow.Outcome("human said still here"), run.result());
  }

  @Test
  void eventForAStepThatDoesNotAcceptItIsRejected() {
    WorkflowHandler<TroubleFlow.Outcome> run = TroubleFlow_Workflow.of(new TroubleFlow()).run(new TroubleFlow.Command("deploy"));

    assertThrows(IllegalArgumentException.class, () -> run.sendEvent(new TroubleFlow.Answer("x"), "fail"));
    assertThrows(IllegalArgumentException.class, () -> run.sendEvent(new TroubleFlow.Answer("x"), "noSuchStep"));

    run.sendEvent(new TroubleFlow.Answer("targeted"), "answer");
    assertEquals(new TroubleFlow.Outcome("human said targeted"), run.result());
  }

  @Test
  void eventForAFinishedRunIsRejected() {
    WorkflowHandler<TroubleFlow.Outcome> run = TroubleFlow_Workflow.of(new TroubleFlow()).run(new TroubleFlow.Command("deploy"));
    run.sendEvent(new TroubleFlow.Answer("done"));
    run.result();

    IllegalStateException rejected = assertThrows(IllegalStateException.class, () -> run.sendEvent(new TroubleFlow.Answer("again")));

    assertTrue(rejected.getMessage().contains(run.runId()), rejected.getMessage());
  }

  @Test
  void sendingAnUndeclaredEventFailsTheStep() {
    WorkflowHandler<TroubleFlow.Outcome> run = TroubleFlow_Workflow.of(new TroubleFlow()).run(new TroubleFlow.Command("sneak"));

    WorkflowFailedException failure = assertThrows(WorkflowFailedException.class, run::result);

    assertEquals("sneak", failure.step());
    IllegalStateException cause = assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertTrue(
        cause.getMessage().startsWith("Step 'sneak' emitted " + TroubleFlow.Extra.class.getName() + ", which it does not declare."),
        cause.getMessage());
  }

  @Test
  void eventsStreamCanBeConsumedOnlyOnce() {
    WorkflowHandler<TroubleFlow.Outcome> run = TroubleFlow_Workflow.of(new TroubleFlow()).run(new TroubleFlow.Command("fail"));
    run.events();

    assertThrows(IllegalStateException.class, run::events);
  }
}
