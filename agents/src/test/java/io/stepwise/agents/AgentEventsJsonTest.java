package io.stepwise.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.model.chat.ChatModel;
import io.stepwise.Event;
import io.stepwise.WorkflowJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every event an agent run streams has a generated codec, so a server can send it as JSON. */
class AgentEventsJsonTest {
  @Test
  void everyStreamedEventRoundTripsThroughTheGeneratedCodecs() {
    WorkflowJson json = AgentWorkflow.of(FunctionAgent.builder().name("a").model(new ChatModel() {}).build()).compile().json();
    List<Event> events = List.of(
        new AgentInput("hi", Map.of("k", "v")),
        new AgentStream("a", "Hel", "Hel"),
        new AgentOutput("a", "", List.of(new RequestedCall("c1", "add", "{\"a\":1}"))),
        new ToolCall("a", "c1", "add", "{\"a\":1}"),
        new ToolCallResult("a", "c1", "add", "{\"a\":1}", "Error: x", true),
        new AgentHandoff("a", "b", "why"),
        new ToolInputRequired("a", "c1", "send", "Send?"),
        new ToolInputResponse("c1", "yes"),
        new AgentResult("a", "done", Map.of("k", "v"), 3));

    for (Event event : events) {
      assertEquals(event, json.read(json.write(event)), event.getClass().getSimpleName());
    }
  }
}
