package io.stepwise;

import java.time.Duration;

/**
 * Input of a {@code @CatchError} handler: which step failed, on which event, with what error,
 * after how many attempts and how long.
 */
public record StepFailedEvent(String step, Event input, Throwable error, int attempts, Duration elapsed)
    implements Event {}
