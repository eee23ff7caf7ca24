package io.stepwise.agents;

import java.util.List;

/**
 * One message of the conversation, in the run's state: our own record rather than LangChain4j's
 * {@code ChatMessage}, so that the generated codecs write it into snapshots and run stores.
 *
 * @param role who wrote it
 * @param agent the agent that wrote it (an assistant or tool message), or "" for the user
 * @param text the text; for a tool message the tool's output
 * @param toolCalls the calls an assistant message asked for
 * @param callId for a tool message, the call it answers; else ""
 * @param toolName for a tool message, the tool; else ""
 */
public record AgentMessage(
    Role role, String agent, String text, List<RequestedCall> toolCalls, String callId, String toolName) {

  /** Who wrote a message. */
  public enum Role { USER, ASSISTANT, TOOL }

  static AgentMessage user(String text) {
    return new AgentMessage(Role.USER, "", text, List.of(), "", "");
  }

  static AgentMessage assistant(String agent, String text, List<RequestedCall> calls) {
    return new AgentMessage(Role.ASSISTANT, agent, text, List.copyOf(calls), "", "");
  }

  static AgentMessage tool(String agent, RequestedCall call, String output) {
    return new AgentMessage(Role.TOOL, agent, output, List.of(), call.id(), call.name());
  }
}
