package io.stepwise.graph;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A step's retry policy as drawn in the graph: the same settings as the runtime's policy, with
 * exception types by canonical name so the graph stays a plain description.
 *
 * @param maxAttempts executions in total, the first included (1 = never retry)
 * @param delay delay before the first retry
 * @param backoff factor applied to the delay after each retry
 * @param maxDelay cap of any delay, {@link Duration#ZERO} for none
 * @param jitter fraction by which a delay is spread, 0.0 to 1.0
 * @param on canonical names of the exception types retried; empty for all
 * @param notOn canonical names of the exception types never retried
 */
public record RetrySettings(
    int maxAttempts, Duration delay, double backoff, Duration maxDelay, double jitter, List<String> on, List<String> notOn) {

  /** Run once, never retry. */
  public static final RetrySettings NONE =
      new RetrySettings(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0, List.of(), List.of());

  public RetrySettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    on = List.copyOf(on);
    notOn = List.copyOf(notOn);
  }

  /** Whether a failure is ever retried. */
  public boolean retries() {
    return maxAttempts > 1;
  }
}
