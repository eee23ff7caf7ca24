package io.stepwise.observe;

import io.stepwise.Event;
import java.util.List;

/**
 * An event entered the run and was routed to the steps that take it.
 *
 * @param fromStep the step that returned or sent it, or null when it came from outside the run
 *     (the start event, {@code handler.sendEvent})
 * @param toSteps the steps whose input it is, in step order (each may queue it until a worker is
 *     free, or hold it until its join is complete); empty for a stop event, which ends the run, and
 *     for an event only a waiting {@code waitForEvent} or the stream takes
 */
public record EventRouted(ObservedRun run, Event event, String fromStep, List<String> toSteps) {}
