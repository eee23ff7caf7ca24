package io.stepwise.internal.loop;

import io.stepwise.RetryPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks a step's retry policy whether a failed execution runs again and after what delay. Pure, as
 * the loop is: the failure's seed is made of the run id, the step and the attempt, not of a clock or
 * a shared random source, so a loop fed the same ticks again (as the loop's tests do) plans the same
 * delays.
 */
final class RetryPlanner {
  private RetryPlanner() {}

  static Duration delayAfter(RetryPolicy policy, int attempt, Throwable error, String runId, String step) {
    return delayAfter(policy, attempt, error, Duration.ZERO, runId, step);
  }

  /**
   * The delay before the next attempt, or null when the step has failed for good: the policy gives
   * up, or the error is an {@link Error}. A policy that throws, or answers null, gives up; what went
   * wrong is added to {@code error} as a suppressed exception, so the run's failure says it.
   *
   * @param attempt the attempt that just failed, 1 for the first execution
   * @param elapsed time since the first attempt began
   */
  static Duration delayAfter(RetryPolicy policy, int attempt, Throwable error, Duration elapsed, String runId,
      String step) {
    if (error instanceof Error) {
      return null;
    }
    long seed = (runId.hashCode() * 31L + step.hashCode()) * 31L + attempt;
    Optional<Duration> next;
    try {
      next = policy.next(new RetryPolicy.Failure(step, attempt, error, elapsed, seed));
    } catch (RuntimeException policyFailed) {
      error.addSuppressed(new IllegalStateException("The retry policy of step '" + step + "' threw, so the step"
          + " was not retried; make the policy return Optional.empty() to stop", policyFailed));
      return null;
    }
    if (next == null) {
      error.addSuppressed(new IllegalStateException("The retry policy of step '" + step + "' returned null, so the"
          + " step was not retried; return Optional.empty() to stop"));
      return null;
    }
    return next.map(delay -> delay.isNegative() ? Duration.ZERO : delay).orElse(null);
  }
}
