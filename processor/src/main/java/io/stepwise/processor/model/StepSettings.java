package io.stepwise.processor.model;

import io.stepwise.annotations.GraphCheck;
import java.time.Duration;
import java.util.Set;

/**
 * How a step runs, as its annotations say.
 *
 * @param workers maximum concurrent executions per run
 * @param acceptSubtypes whether subclasses of its event parameters' types are routed to it too
 * @param timeout per execution, {@link Duration#ZERO} for none
 * @param skips the graph rules its {@code skipChecks} silences
 * @param catchSpec the handler's scope when the method is a {@code @CatchError} handler, else null
 */
public record StepSettings(
    int workers,
    boolean acceptSubtypes,
    Duration timeout,
    RetrySpec retry,
    Set<GraphCheck> skips,
    CatchSpec catchSpec) {

  public StepSettings {
    skips = Set.copyOf(skips);
  }
}
