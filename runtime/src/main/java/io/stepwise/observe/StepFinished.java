package io.stepwise.observe;

import io.stepwise.Event;
import java.time.Duration;
import java.util.List;

/**
 * An execution of a step returned.
 *
 * @param emitted the events it returned, in order (empty when it returned nothing)
 * @param elapsed how long this attempt ran
 */
public record StepFinished(ObservedRun run, String step, long execution, int attempt, List<Event> emitted,
    Duration elapsed) {}
