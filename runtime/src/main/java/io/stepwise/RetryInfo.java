package io.stepwise;

/**
 * Which attempt of a step execution is running, and what made the previous one fail.
 *
 * @param attempt 1 for the first execution, 2 for the first retry, and so on
 * @param maxAttempts the step's {@code @Retry(maxAttempts)}, 1 when it never retries
 * @param lastError what the previous attempt threw, or null on the first attempt
 */
public record RetryInfo(int attempt, int maxAttempts, Throwable lastError) {
  /** Whether this execution is a retry of a failed one. */
  public boolean isRetry() {
    return attempt > 1;
  }

  /** Whether no attempt follows this one if it fails. */
  public boolean isLastAttempt() {
    return attempt >= maxAttempts;
  }
}
