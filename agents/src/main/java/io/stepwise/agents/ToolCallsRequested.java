package io.stepwise.agents;

import java.util.List;

/**
 * Internal to {@link AgentWorkflow}: the model asked for tool calls.
 *
 * @param agent the agent that asked
 * @param calls the calls, run in this order
 * @param round the model turn that asked
 */
public record ToolCallsRequested(String agent, List<RequestedCall> calls, int round) implements ModelDecision {}
