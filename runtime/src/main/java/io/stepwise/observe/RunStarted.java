package io.stepwise.observe;

import io.stepwise.Event;

/**
 * A run started or resumed.
 *
 * @param start the start event, or null when the run resumed from a snapshot
 */
public record RunStarted(ObservedRun run, Event start) {}
