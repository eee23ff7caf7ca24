package io.stepwise.agents;

import io.stepwise.Event;

/** Internal to {@link AgentWorkflow}: what a model turn leads to. */
public sealed interface ModelDecision extends Event permits AgentTurn, ToolCallsRequested, FinalAnswer {}
