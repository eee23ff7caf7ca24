package io.stepwise.samples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.concurrent.CollectingFlow;
import io.stepwise.samples.guide.concurrent.CollectingFlow_Workflow;
import io.stepwise.samples.guide.fanout.FanInFanOutFlow;
import io.stepwise.samples.guide.fanout.FanInFanOutFlow_Workflow;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow;
import io.stepwise.samples.guide.hitl.WaitingFlow;
import io.stepwise.samples.guide.hitl.WaitingFlow_Workflow;
import io.stepwise.samples.guide.state.StateFlow;
import io.stepwise.samples.guide.state.StateFlow_Workflow;
import io.stepwise.samples.guide.store.StoreFlow;
import io.stepwise.samples.guide.store.StoreFlow_Workflow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The guide's Context examples: typed state, the store, collecting, fan in/out, waiting for a person. */
@Timeout(60)
class ContextPortsTest {
  @Test
  void stateEditedInOneStepIsReadInTheNext() {
    WorkflowHandler<StateFlow.Greeting> run = StateFlow_Workflow.of(new StateFlow()).run(new StateFlow.Begin("ada", "ada@example.com", 36));

    assertEquals(List.of(new StateFlow.StateEdited("ada"), new StateFlow.Greeting("Hello ada (ada@example.com), age 36")),
        run.events().toList());
  }

  @Test
  void storeCounterGoesOnInARunThatContinuesTheLast() {
    CompiledWorkflow<StoreFlow.Begin, StoreFlow.Counted> flow = StoreFlow_Workflow.of(new StoreFlow());
    WorkflowHandler<StoreFlow.Counted> first = flow.run(new StoreFlow.Begin());
    assertEquals(1, first.result().iterations());

    WorkflowHandler<StoreFlow.Counted> second = flow.run(new StoreFlow.Begin(), RunOptions.defaults().continueFrom(first));
    assertEquals(2, second.result().iterations());
    assertEquals(1, flow.run(new StoreFlow.Begin()).result().iterations(), "a fresh run starts from an empty store");
  }

  @Test
  void collectorFinishesOnceAllThreeResultsArrivedInTheOrderItAskedFor() {
    WorkflowHandler<CollectingFlow.AllDone> run = CollectingFlow_Workflow.of(new CollectingFlow()).run(new CollectingFlow.Begin("q1", "q2", "q3"));

    List<Event> stream = run.events().toList();

    assertEquals(new CollectingFlow.AllDone(List.of("q3", "q1", "q2")), run.result());
    assertEquals(7, stream.size());
    assertTrue(stream.containsAll(List.of(new CollectingFlow.Working("Received event q1"),
        new CollectingFlow.Working("Received event q2"), new CollectingFlow.Working("Received event q3"))), stream.toString());
  }

  @Test
  void fanInCollectsAsManyResultsAsTheStoreSays() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      items.add("item-" + i);
    }
    FanInFanOutFlow.Done done = FanInFanOutFlow_Workflow.of(new FanInFanOutFlow()).run(new FanInFanOutFlow.Begin(items)).result();

    assertEquals(new FanInFanOutFlow.Done(40, items.stream().mapToInt(String::length).sum()), done);
  }

  @Test
  void waitingStepGoesOnWithTheAnswer() {
    WorkflowHandler<HumanInTheLoopFlow.Answered> run = WaitingFlow_Workflow.of(new WaitingFlow()).run(new HumanInTheLoopFlow.Begin());
    List<Event> seen = new ArrayList<>();

    run.events().takeWhile(event -> !(event instanceof StopEvent)).forEach(event -> {
      seen.add(event);
      if (event instanceof HumanInTheLoopFlow.AskNumber) {
        run.sendEvent(new HumanInTheLoopFlow.Answer("7"));
      }
    });

    assertEquals(List.of(new HumanInTheLoopFlow.AskNumber("Enter a number: ")), seen);
    assertEquals(new HumanInTheLoopFlow.Answered("7"), run.result());
  }
}
