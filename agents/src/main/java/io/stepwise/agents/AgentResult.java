package io.stepwise.agents;

import io.stepwise.StopEvent;
import java.util.Map;

/**
 * The run's answer: the final text of the agent that answered, the shared state as the run left
 * it, and how many model calls it took.
 *
 * @param agent the agent that gave the answer
 * @param response the answer
 * @param state the shared state at the end
 * @param modelCalls model calls of the whole run, over every agent
 */
public record AgentResult(String agent, String response, Map<String, String> state, int modelCalls)
    implements StopEvent {}
