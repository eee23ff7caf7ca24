package io.stepwise.agents;

import io.stepwise.Event;

/**
 * An agent is about to call a tool (LlamaIndex: {@code ToolCall}).
 *
 * @param agent the agent that asked for the call
 * @param callId the model's id of the call
 * @param toolName the tool
 * @param arguments the arguments as the model wrote them, a JSON object
 */
public record ToolCall(String agent, String callId, String toolName, String arguments) implements Event {}
