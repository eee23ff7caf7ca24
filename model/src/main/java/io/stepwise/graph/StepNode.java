package io.stepwise.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * A step in the graph, with the settings that shape how it runs.
 *
 * @param workers the most executions of the step that run at once in one run
 * @param retry its retry policy, {@link RetrySettings#NONE} when it never retries
 * @param timeout the per-execution timeout, {@link Duration#ZERO} for none
 * @param join whether it takes two or more event parameters and fires once per complete set (its
 *     incoming edges all have to deliver), rather than on any one of the events it accepts
 */
public record StepNode(String name, int workers, RetrySettings retry, Duration timeout, boolean join) {
  public StepNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** A step that fires on any one of the events it accepts. */
  public StepNode(String name, int workers, RetrySettings retry, Duration timeout) {
    this(name, workers, retry, timeout, false);
  }
}
