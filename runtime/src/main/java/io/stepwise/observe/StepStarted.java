package io.stepwise.observe;

import io.stepwise.Event;
import java.util.List;

/**
 * An execution of a step starts.
 *
 * @param execution the execution's number, unique within the run: later calls about it carry it
 * @param attempt 1 for a first attempt, more for a retry
 * @param events the events the step was called with, one per event parameter
 */
public record StepStarted(ObservedRun run, String step, long execution, int attempt, List<Event> events) {}
