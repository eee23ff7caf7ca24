package io.stepwise.agents;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.List;
import java.util.function.Consumer;

/**
 * One named agent of an {@link AgentWorkflow}: a model, a system prompt, tools, and the agents it
 * may hand off to. {@link FunctionAgent} uses the model's tool calling; {@link ReActAgent} prompts
 * for Thought/Action/Observation text, for models without it.
 */
public sealed interface Agent permits SpecifiedAgent {
  /** The agent's name, unique in its workflow; other agents hand off to it by this name. */
  String name();

  /** What the agent does; other agents read it when choosing whom to hand off to. */
  String description();

  /** The agent's instructions, sent before the conversation on every model call. */
  String systemPrompt();

  /** The tools the agent may call. */
  List<AgentTool> tools();

  /** The agents it may hand off to; empty means none. */
  List<String> canHandoffTo();

  /**
   * Calls the model once on the conversation.
   *
   * @param memory the conversation so far
   * @param tools the agent's tools and, when it may hand off, the handoff tool
   * @param deltas receives text as a streaming model writes it
   */
  ModelTurn respond(List<AgentMessage> memory, List<ToolSpecification> tools, Consumer<String> deltas);
}
