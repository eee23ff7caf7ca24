package io.stepwise.agents;

import io.stepwise.Event;
import java.util.List;

/**
 * One model turn of an agent: its text and the tool calls it asked for (LlamaIndex:
 * {@code AgentOutput}). The run's last one, without tool calls, is the answer in {@link AgentResult}.
 *
 * @param agent the agent that spoke
 * @param text what the model wrote (for a ReAct agent, its whole Thought/Action text)
 * @param toolCalls the calls it asked for, in order; empty for an answer
 */
public record AgentOutput(String agent, String text, List<RequestedCall> toolCalls) implements Event {}
