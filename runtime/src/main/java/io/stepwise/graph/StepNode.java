package io.stepwise.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * A step in the graph, with the settings that shape how it runs.
 *
 * @param workers the most executions of the step that run at once in one run
 * @param retry its retry policy, {@link RetrySettings#NONE} when it never retries
 * @param timeout the per-execution timeout, {@link Duration#ZERO} for none
 */
public record StepNode(String name, int workers, RetrySettings retry, Duration timeout) {
  public StepNode {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(timeout, "timeout");
  }
}
