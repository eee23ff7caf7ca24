package io.stepwise.agents;

/**
 * Internal to {@link AgentWorkflow}: the current agent is to call its model.
 *
 * @param round how many model turns this run had before this one
 */
public record AgentTurn(int round) implements ModelDecision {}
