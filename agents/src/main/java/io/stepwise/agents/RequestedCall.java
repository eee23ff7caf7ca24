package io.stepwise.agents;

/**
 * A tool call a model asked for, as kept in the agent's memory.
 *
 * @param id the model's id of the call (made up for ReAct agents, whose models have none)
 * @param name the tool's name
 * @param arguments a JSON object, as the model wrote it
 */
public record RequestedCall(String id, String name, String arguments) {}
