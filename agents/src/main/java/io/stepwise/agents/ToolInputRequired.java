package io.stepwise.agents;

import io.stepwise.InputRequiredEvent;

/**
 * A tool asks a person (through {@link ToolInput#ask}); answer with a {@link ToolInputResponse}
 * carrying the same {@code callId}, through the handler, now or after a snapshot and resume.
 *
 * @param agent the agent whose tool asks
 * @param callId the tool call that asks; the answer must carry it
 * @param toolName the tool
 * @param question what the person is asked
 */
public record ToolInputRequired(String agent, String callId, String toolName, String question)
    implements InputRequiredEvent {}
