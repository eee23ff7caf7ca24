package io.stepwise.observe;

import java.time.Duration;

/**
 * A failed step is tried again by its retry policy.
 *
 * @param nextAttempt the number of the attempt to come (2 after a first failure)
 * @param error what failed the previous attempt
 * @param delay how long the run waits before the next attempt starts ({@link Duration#ZERO} for at once)
 */
public record StepRetrying(ObservedRun run, String step, int nextAttempt, Throwable error, Duration delay) {}
