package io.stepwise.internal;

import io.stepwise.spi.RetryPolicy;
import java.time.Duration;

/**
 * Decides whether a failed execution runs again and after what delay. Pure, so the loop stays
 * replayable; backoff, jitter (from a seed carried in the tick) and on/notOn belong here.
 */
final class RetryPlanner {
  private RetryPlanner() {}

  /**
   * The delay before the next attempt, or null when the step has failed for good.
   *
   * @param attempt the attempt that just failed, 1 for the first execution
   */
  static Duration delayAfter(RetryPolicy policy, int attempt, Throwable error) {
    if (attempt >= policy.maxAttempts() || error instanceof Error) {
      return null;
    }
    return policy.delay();
  }
}
