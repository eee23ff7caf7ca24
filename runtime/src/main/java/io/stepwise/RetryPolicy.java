package io.stepwise;

import io.stepwise.retry.RetryPolicyBuilder;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a failed step execution runs again, and after what delay. A workflow provides
 * one with a {@code @Provides} method that returns it, and a step names that method:
 * {@code @Step(retryPolicy = "flaky")}. {@link #builder()} composes the usual kinds (which errors,
 * how long to wait, when to stop); a lambda is a policy of your own.
 *
 * <p>The policy is asked in the run's control loop, once per failure: keep it quick and free of
 * side effects. It must decide from what it is given, so a run that is replayed (or resumed from a
 * snapshot) waits exactly as long: draw random delays from {@link Failure#seed()}. An
 * {@link Error} is never retried, whatever the policy says.
 */
@FunctionalInterface
public interface RetryPolicy {
  /**
   * The delay before the next attempt, or empty to give up: the failure then goes to the step's
   * {@code @CatchError} handler, or fails the run. A policy that throws gives up too; what it threw
   * is added to the step's error as a suppressed exception.
   */
  Optional<Duration> next(Failure failure);

  /**
   * The most executions this policy allows, the first included, when it knows
   * ({@code ctx.retryInfo().maxAttempts()}); {@link Integer#MAX_VALUE} when the error or the time
   * decides.
   */
  default int maxAttempts() {
    return Integer.MAX_VALUE;
  }

  /**
   * One failed execution of a step.
   *
   * @param step the step's name
   * @param attempt the attempt that failed: 1 for the first execution
   * @param error what it threw (or the {@code TimeoutException} of a per-step timeout)
   * @param elapsed time since the first attempt began: the attempts and the delays between them
   * @param seed a number fixed by the run, the step and the attempt, for random delays that a
   *     replay repeats exactly
   */
  record Failure(String step, int attempt, Throwable error, Duration elapsed, long seed) {
    public Failure {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(elapsed, "elapsed");
      if (attempt < 1) {
        throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
      }
    }
  }

  /**
   * A policy composed of which errors to retry, how long to wait and when to stop; with nothing
   * set it retries every exception, up to 3 attempts, 1 second apart.
   */
  static RetryPolicyBuilder builder() {
    return new RetryPolicyBuilder();
  }

  /** Never retries. */
  static RetryPolicy never() {
    return failure -> Optional.empty();
  }
}
