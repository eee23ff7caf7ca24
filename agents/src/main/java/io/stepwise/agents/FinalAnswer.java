package io.stepwise.agents;

/**
 * Internal to {@link AgentWorkflow}: the model answered without tool calls.
 *
 * @param agent the agent that answered
 * @param text the answer
 */
public record FinalAnswer(String agent, String text) implements ModelDecision {}
