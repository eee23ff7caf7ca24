package io.stepwise.agents;

import io.stepwise.Event;

/**
 * One agent handed the conversation to another with the {@code handoff} tool.
 *
 * @param from the agent that handed off
 * @param to the agent that now answers
 * @param reason why, as the model wrote it
 */
public record AgentHandoff(String from, String to, String reason) implements Event {}
