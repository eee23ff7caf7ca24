package io.stepwise.agents;

import io.stepwise.Event;

/**
 * A piece of the agent's text as a streaming model writes it (LlamaIndex: {@code AgentStream}).
 * Only agents given a {@code StreamingChatModel} write these; the whole text of every model turn
 * is in {@link AgentOutput} either way.
 *
 * @param agent the agent that speaks
 * @param delta the new text
 * @param response all text of this turn so far, {@code delta} included
 */
public record AgentStream(String agent, String delta, String response) implements Event {}
