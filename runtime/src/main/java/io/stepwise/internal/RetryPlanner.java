package io.stepwise.internal;

import io.stepwise.spi.RetryPolicy;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Decides whether a failed execution runs again and after what delay. Pure, so the loop stays
 * replayable: jitter comes from a seed made of the run id, the step and the attempt, so a
 * replayed run waits exactly as long as the original.
 */
final class RetryPlanner {
  private RetryPlanner() {}

  /**
   * The delay before the next attempt, or null when the step has failed for good: attempts are
   * used up, the error is an {@link Error}, or {@code on}/{@code notOn} exclude it. The delay
   * before attempt {@code n + 1} is {@code delay * backoff^(n-1)}, capped by {@code maxDelay},
   * then spread by up to {@code ±jitter} of itself.
   *
   * @param attempt the attempt that just failed, 1 for the first execution
   */
  static Duration delayAfter(RetryPolicy policy, int attempt, Throwable error, String runId, String step) {
    if (attempt >= policy.maxAttempts() || error instanceof Error || !retries(policy, error)) {
      return null;
    }
    double nanos = policy.delay().toNanos() * Math.pow(policy.backoff(), attempt - 1);
    if (!policy.maxDelay().isZero()) {
      nanos = Math.min(nanos, policy.maxDelay().toNanos());
    }
    if (policy.jitter() > 0.0) {
      long seed = (runId.hashCode() * 31L + step.hashCode()) * 31L + attempt;
      double spread = new SplittableRandom(seed).nextDouble(-1.0, 1.0) * policy.jitter();
      nanos = nanos * (1.0 + spread);
    }
    return Duration.ofNanos(Math.max(0L, Math.min(Long.MAX_VALUE, Math.round(nanos))));
  }

  private static boolean retries(RetryPolicy policy, Throwable error) {
    for (Class<? extends Throwable> excluded : policy.notOn()) {
      if (excluded.isInstance(error)) {
        return false;
      }
    }
    if (policy.on().isEmpty()) {
      return true;
    }
    for (Class<? extends Throwable> included : policy.on()) {
      if (included.isInstance(error)) {
        return true;
      }
    }
    return false;
  }
}
