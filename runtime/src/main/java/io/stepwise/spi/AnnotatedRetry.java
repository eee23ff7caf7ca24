package io.stepwise.spi;

import io.stepwise.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A step's compiled {@code @Retry}: the policy of a step that names no {@code retryPolicy}. The
 * delay before attempt {@code n + 1} is {@code delay * backoff^(n-1)}, capped by {@code maxDelay},
 * then spread by up to {@code ±jitter} of itself, drawn from the failure's seed.
 *
 * @param maxAttempts executions in total, the first included (1 = never retry)
 * @param delay delay before the first retry
 * @param backoff factor applied to the delay after each retry
 * @param maxDelay cap of any delay, {@link Duration#ZERO} for none
 * @param jitter fraction by which a delay is spread, 0.0 to 1.0
 * @param on exception types retried; empty for all
 * @param notOn exception types never retried
 */
public record AnnotatedRetry(
    int maxAttempts,
    Duration delay,
    double backoff,
    Duration maxDelay,
    double jitter,
    List<Class<? extends Throwable>> on,
    List<Class<? extends Throwable>> notOn) implements RetryPolicy {

  /** Run once, never retry. */
  public static final AnnotatedRetry NONE =
      new AnnotatedRetry(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0, List.of(), List.of());

  public AnnotatedRetry {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    on = List.copyOf(on);
    notOn = List.copyOf(notOn);
  }

  @Override
  public Optional<Duration> next(Failure failure) {
    if (failure.attempt() >= maxAttempts || !retries(failure.error())) {
      return Optional.empty();
    }
    double nanos = delay.toNanos() * Math.pow(backoff, failure.attempt() - 1);
    if (!maxDelay.isZero()) {
      nanos = Math.min(nanos, maxDelay.toNanos());
    }
    if (jitter > 0.0) {
      double spread = new SplittableRandom(failure.seed()).nextDouble(-1.0, 1.0) * jitter;
      nanos = nanos * (1.0 + spread);
    }
    return Optional.of(Duration.ofNanos(Math.max(0L, Math.min(Long.MAX_VALUE, Math.round(nanos)))));
  }

  private boolean retries(Throwable error) {
    for (Class<? extends Throwable> excluded : notOn) {
      if (excluded.isInstance(error)) {
        return false;
      }
    }
    if (on.isEmpty()) {
      return true;
    }
    for (Class<? extends Throwable> included : on) {
      if (included.isInstance(error)) {
        return true;
      }
    }
    return false;
  }
}
