package io.stepwise.observe;

import io.stepwise.Event;
import java.time.Duration;

/**
 * A run ended.
 *
 * @param terminal the last event of the run's stream: its stop event, or a
 *     {@code WorkflowFailedEvent}, {@code WorkflowTimedOutEvent} or {@code WorkflowCancelledEvent}
 * @param error what {@code result()} throws, or null when it returns {@code terminal}
 * @param elapsed how long the run ran in this process, from its start or resume
 */
public record RunEnded(ObservedRun run, RunOutcome outcome, Event terminal, Throwable error, Duration elapsed) {}
