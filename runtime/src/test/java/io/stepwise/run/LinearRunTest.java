package io.stepwise.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.fixture.JokeFlow;
import io.stepwise.fixture.JokeFlow.Critiquing;
import io.stepwise.fixture.JokeFlow.JokeResult;
import io.stepwise.fixture.JokeFlow.TopicEvent;
import io.stepwise.fixture.JokeFlow_Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearRunTest {
  @Test
  void generatedStyleDefinitionRunsToItsStopEvent() {
    JokeFlow flow = new JokeFlow();
    WorkflowHandler<JokeResult> handler = JokeFlow_Workflow.of(flow).run(new TopicEvent("pirate"));

    JokeResult result = handler.result();

    assertEquals(new JokeResult("Why did the pirate cross the road?", "too short"), result);
  }

  @Test
  void streamHoldsStepWritesThenTheTerminalEvent() {
    WorkflowHandler<JokeResult> handler = JokeFlow_Workflow.of(new JokeFlow()).run(new TopicEvent("cat"));

    List<Event> events = handler.events().toList();

    String joke = "Why did the cat cross the road?";
    assertEquals(List.of(new Critiquing(joke), new JokeResult(joke, "too short")), events);
  }
}
