package io.stepwise.observe;

import java.time.Duration;

/**
 * An execution of a step failed.
 *
 * @param error what the step threw, a {@code TimeoutException} when its step timeout expired, or
 *     an {@code IllegalStateException} when it returned an event its step does not declare
 * @param elapsed how long this attempt ran
 */
public record StepFailed(ObservedRun run, String step, long execution, int attempt, Throwable error,
    Duration elapsed) {}
