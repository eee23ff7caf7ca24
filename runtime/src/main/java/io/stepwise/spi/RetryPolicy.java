package io.stepwise.spi;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A step's compiled {@code @Retry}.
 *
 * @param maxAttempts executions in total, the first included (1 = never retry)
 * @param delay delay before the first retry
 * @param backoff factor applied to the delay after each retry
 * @param maxDelay cap of any delay, {@link Duration#ZERO} for none
 * @param jitter fraction by which a delay is spread, 0.0 to 1.0
 * @param on exception types retried; empty for all
 * @param notOn exception types never retried
 */
public record RetryPolicy(
    int maxAttempts,
    Duration delay,
    double backoff,
    Duration maxDelay,
    double jitter,
    List<Class<? extends Throwable>> on,
    List<Class<? extends Throwable>> notOn) {

  /** Run once, never retry. */
  public static final RetryPolicy NONE =
      new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0, List.of(), List.of());

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    on = List.copyOf(on);
    notOn = List.copyOf(notOn);
  }
}
