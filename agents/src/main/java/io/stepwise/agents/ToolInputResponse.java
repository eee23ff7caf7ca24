package io.stepwise.agents;

import io.stepwise.HumanResponseEvent;

/**
 * A person's answer to a {@link ToolInputRequired}; the tool that asked gets {@code answer}.
 *
 * @param callId the {@link ToolInputRequired#callId()} answered
 * @param answer the answer
 */
public record ToolInputResponse(String callId, String answer) implements HumanResponseEvent {}
