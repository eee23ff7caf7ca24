package io.stepwise.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * When a policy gives up, given how many attempts failed, how long it has been since the first
 * began, and the delay the next attempt would wait.
 */
@FunctionalInterface
public interface StopWhen {
  boolean test(int attempts, Duration elapsed, Duration nextDelay);

  /**
   * The most attempts this condition lets run, {@link Integer#MAX_VALUE} when it does not count
   * them; for {@code ctx.retryInfo().maxAttempts()}.
   */
  default int maxAttempts() {
    return Integer.MAX_VALUE;
  }

  /** Stops when this or {@code other} says so. */
  default StopWhen or(StopWhen other) {
    Objects.requireNonNull(other, "other");
    StopWhen self = this;
    return new StopWhen() {
      @Override
      public boolean test(int attempts, Duration elapsed, Duration nextDelay) {
        return self.test(attempts, elapsed, nextDelay) || other.test(attempts, elapsed, nextDelay);
      }

      @Override
      public int maxAttempts() {
        return Math.min(self.maxAttempts(), other.maxAttempts());
      }
    };
  }

  /** Stops only when this and {@code other} both say so. */
  default StopWhen and(StopWhen other) {
    Objects.requireNonNull(other, "other");
    StopWhen self = this;
    return new StopWhen() {
      @Override
      public boolean test(int attempts, Duration elapsed, Duration nextDelay) {
        return self.test(attempts, elapsed, nextDelay) && other.test(attempts, elapsed, nextDelay);
      }

      @Override
      public int maxAttempts() {
        return Math.max(self.maxAttempts(), other.maxAttempts());
      }
    };
  }

  /** After {@code max} attempts in total, the first included. */
  static StopWhen attempts(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("attempts must be 1 or more, was " + max);
    }
    return new StopWhen() {
      @Override
      public boolean test(int attempts, Duration elapsed, Duration nextDelay) {
        return attempts >= max;
      }

      @Override
      public int maxAttempts() {
        return max;
      }
    };
  }

  /** Once {@code limit} has passed since the first attempt began. */
  static StopWhen elapsed(Duration limit) {
    Durations.requireNotNegative(limit, "limit");
    return (attempts, elapsed, nextDelay) -> elapsed.compareTo(limit) >= 0;
  }

  /** When waiting for the next attempt would go past {@code limit} since the first attempt began. */
  static StopWhen elapsedAfterDelay(Duration limit) {
    Durations.requireNotNegative(limit, "limit");
    return (attempts, elapsed, nextDelay) -> elapsed.plus(nextDelay).compareTo(limit) >= 0;
  }

  /** Never: the errors retried, or the run's timeout, bound the retries. */
  static StopWhen never() {
    return (attempts, elapsed, nextDelay) -> false;
  }
}
