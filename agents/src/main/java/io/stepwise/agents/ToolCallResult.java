package io.stepwise.agents;

import io.stepwise.Event;

/**
 * What a tool returned, or why it failed; either way this text goes back to the model
 * (LlamaIndex: {@code ToolCallResult}).
 *
 * @param agent the agent that asked for the call
 * @param callId the model's id of the call
 * @param toolName the tool
 * @param arguments the arguments as the model wrote them
 * @param output the tool's result, or the error the model reads
 * @param error whether the call failed (unknown tool, bad arguments, an exception, a timeout)
 */
public record ToolCallResult(
    String agent, String callId, String toolName, String arguments, String output, boolean error)
    implements Event {}
