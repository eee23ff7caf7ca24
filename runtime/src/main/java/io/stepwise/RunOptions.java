package io.stepwise;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-run settings that override the workflow's compiled defaults.
 *
 * @param timeout run timeout; null keeps the workflow's {@code @Workflow(timeout)},
 *     {@link Duration#ZERO} disables it
 */
public record RunOptions(Duration timeout) {
  private static final RunOptions DEFAULTS = new RunOptions(null);

  public RunOptions {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
    }
  }

  /** Options that change nothing. */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /** These options with another run timeout ({@link Duration#ZERO} for none). */
  public RunOptions withTimeout(Duration timeout) {
    return new RunOptions(Objects.requireNonNull(timeout, "timeout"));
  }
}
