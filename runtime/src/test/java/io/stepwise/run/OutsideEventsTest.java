package io.stepwise.run;

import static io.stepwise.fixture.Steps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import io.stepwise.fixture.Events.Answer;
import io.stepwise.fixture.Events.Ask;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Other;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.Events.Stray;
import io.stepwise.fixture.ScriptedWorkflow;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events sent into a run from outside and from steps, and the stream they come out on. */
class OutsideEventsTest {
  private static CompiledWorkflow<Start, Done> askFlow() {
    return ScriptedWorkflow.named("Ask", Start.class, Done.class)
        .step(step("ask", Start.class).emits(Ask.class), (ev, ctx) -> new Ask("name?"))
        .step(step("answer", Answer.class).emits(Done.class), (ev, ctx) -> new Done("hi " + ((Answer) ev[0]).text()))
        .compile();
  }

  @Test
  void runWaitsForAHumanResponseSentFromOutside() {
    WorkflowHandler<Done> handler = askFlow().run(new Start(0));
    Iterator<Event> events = handler.events().iterator();

    assertEquals(new Ask("name?"), events.next());
    assertFalse(handler.isDone());
    handler.sendEvent(new Answer("Ada"));

    assertEquals(new Done("hi Ada"), events.next());
    assertFalse(events.hasNext());
    assertEquals(new Done("hi Ada"), handler.result());
  }

  @Test
  void outsideEventNoStepAcceptsIsRejectedAndTheRunGoesOn() {
    WorkflowHandler<Done> handler = askFlow().run(new Start(0));

    IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class, () -> handler.sendEvent(new Stray()));

    assertEquals("Workflow 'Ask' has no step that accepts io.stepwise.fixture.Events$Stray, and no child run of run "
        + handler.runId() + " accepts it (child runs in flight: []); it accepts: [Answer, Start]", rejected.getMessage());
    handler.sendEvent(new Answer("Bo"));
    assertEquals(new Done("hi Bo"), handler.result());
  }

  @Test
  void outsideEventForAStepThatDoesNotAcceptItIsRejected() {
    WorkflowHandler<Done> handler = askFlow().run(new Start(0));

    IllegalArgumentException rejected =
        assertThrows(IllegalArgumentException.class, () -> handler.sendEvent(new Answer("x"), "ask"));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> handler.sendEvent(new Answer("x"), "nope"));

    assertEquals("Step 'ask' of workflow 'Ask' does not accept io.stepwise.fixture.Events$Answer;"
        + " steps that accept it: [answer]", rejected.getMessage());
    assertEquals("Workflow 'Ask' has no step 'nope' to send io.stepwise.fixture.Events$Answer to;"
        + " its steps are: [answer, ask]", unknown.getMessage());
    handler.sendEvent(new Answer("Cy"), "answer");
    assertEquals(new Done("hi Cy"), handler.result());
  }

  @Test
  void sendingToAFinishedRunIsRejected() {
    WorkflowHandler<Done> handler = askFlow().run(new Start(0));
    handler.sendEvent(new Answer("Di"));
    handler.result();

    IllegalStateException rejected = assertThrows(IllegalStateException.class, () -> handler.sendEvent(new Answer("again")));

    assertEquals("Run " + handler.runId() + " of workflow 'Ask' has already finished; start a new run", rejected.getMessage());
    assertThrows(IllegalStateException.class, () -> handler.sendEvent(new Answer("again"), "answer"));
  }

  @Test
  void eventsCanBeConsumedOnlyOnce() {
    WorkflowHandler<Done> handler = askFlow().run(new Start(0));
    handler.events();

    IllegalStateException second = assertThrows(IllegalStateException.class, handler::events);

    assertEquals("The events of run " + handler.runId() + " were already consumed; events() can be called once",
        second.getMessage());
    handler.cancel();
  }

  @Test
  void stepSendingAnUndeclaredEventFailsWithAHint() {
    var flow = ScriptedWorkflow.named("Undeclared", Start.class, Done.class)
        .step(step("sneaky", Start.class).emits(Done.class), (ev, ctx) -> {
          ctx.sendEvent(new Other("not declared"));
          return new Done("unreachable");
        })
        .compile();

    WorkflowFailedException failure = assertThrows(WorkflowFailedException.class, () -> flow.run(new Start(0)).result());

    assertInstanceOf(IllegalStateException.class, failure.getCause());
    assertEquals("Step 'sneaky' emitted io.stepwise.fixture.Events$Other, which it does not declare."
        + " Declare it with @Step(emits = Other.class), or send it with a static type the processor can see.",
        failure.getCause().getMessage());
  }

  @Test
  void stepSendingToOneStepReachesOnlyThatStep() {
    var flow = ScriptedWorkflow.named("Targeted", Start.class, Done.class)
        .step(step("send", Start.class).emits(Mid.class), (ev, ctx) -> {
          ctx.sendEvent(new Mid(2), "second");
          return null;
        })
        .step(step("first", Mid.class).emits(Done.class), (ev, ctx) -> new Done("first"))
        .step(step("second", Mid.class).emits(Done.class), (ev, ctx) -> new Done("second"))
        .compile();

    assertEquals(new Done("second"), flow.run(new Start(0)).result());
  }

  @Test
  void stepSendingToAStepThatDoesNotAcceptTheEventFails() {
    var flow = ScriptedWorkflow.named("Misrouted", Start.class, Done.class)
        .step(step("send", Start.class).emits(Mid.class), (ev, ctx) -> {
          ctx.sendEvent(new Mid(2), "send");
          return null;
        })
        .step(step("end", Mid.class).emits(Done.class), (ev, ctx) -> new Done("end"))
        .compile();

    WorkflowFailedException failure = assertThrows(WorkflowFailedException.class, () -> flow.run(new Start(0)).result());

    assertEquals("Step 'send' of workflow 'Misrouted' does not accept io.stepwise.fixture.Events$Mid;"
        + " steps that accept it: [end]", failure.getCause().getMessage());
  }

  @Test
  void inputRequiredEventIsPublishedWhileStepWritesKeepTheirOrder() {
    var flow = ScriptedWorkflow.named("Order", Start.class, Done.class)
        .step(step("talk", Start.class).emits(Ask.class), (ev, ctx) -> {
          ctx.writeEventToStream(new Other("one"));
          ctx.writeEventToStream(new Other("two"));
          return new Ask("three?");
        })
        .step(step("answer", Answer.class).emits(Done.class), (ev, ctx) -> new Done("four"))
        .compile();
    WorkflowHandler<Done> handler = flow.run(new Start(0));
    Iterator<Event> events = handler.events().iterator();

    assertEquals(List.of(new Other("one"), new Other("two"), new Ask("three?")),
        List.of(events.next(), events.next(), events.next()));
    handler.sendEvent(new Answer("x"));
    assertEquals(new Done("four"), events.next());
    assertFalse(events.hasNext());
  }
}
