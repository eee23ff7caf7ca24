package io.stepwise.agents;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The built-in {@code handoff} tool of an agent that may hand off (LlamaIndex: the handoff tool of
 * {@code AgentWorkflow}): its specification lists the allowed agents with their descriptions.
 */
final class Handoff {
  static final String TOOL_NAME = "handoff";

  private Handoff() {}

  static ToolSpecification specification(Agent from, Map<String, Agent> agents) {
    String targets = from.canHandoffTo().stream()
        .map(name -> name + ": " + agents.get(name).description())
        .collect(Collectors.joining("\n"));
    return ToolSpecification.builder()
        .name(TOOL_NAME)
        .description("Hand the conversation to another agent, which then answers the user. Agents:\n" + targets)
        .parameters(JsonObjectSchema.builder()
            .addEnumProperty("to_agent", List.copyOf(from.canHandoffTo()), "the agent to hand off to")
            .addStringProperty("reason", "why that agent should take over")
            .required("to_agent", "reason")
            .build())
        .build();
  }

  /** What the model reads after a handoff, as LlamaIndex's default handoff output prompt says it. */
  static String output(String to, String reason) {
    return "Agent " + to + " is now handling the request due to the following reason: " + reason
        + ".\nPlease continue with the current request.";
  }
}
