package io.stepwise.agents;

import io.stepwise.StartEvent;
import java.util.Map;

/**
 * Starts an agent run: what the user says, and the shared state the agents and their tools begin
 * with (LlamaIndex: {@code user_msg} and {@code initial_state} of {@code AgentWorkflow.run}).
 *
 * @param message the user's message
 * @param state the shared state's first entries; tools read and write it with {@link ToolInput#state()}
 */
public record AgentInput(String message, Map<String, String> state) implements StartEvent {
  public AgentInput {
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("AgentInput needs a non-blank message: what the user asks the agent.");
    }
    state = state == null ? Map.of() : Map.copyOf(state);
  }

  /** A message with an empty shared state. */
  public AgentInput(String message) {
    this(message, Map.of());
  }
}
