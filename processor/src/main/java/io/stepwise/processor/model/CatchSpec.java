package io.stepwise.processor.model;

import java.util.List;

/**
 * A {@code @CatchError} handler's scope.
 *
 * @param forSteps names of the steps it covers, sorted; empty for the wildcard handler
 * @param maxRecoveries recoveries allowed per chain of events
 */
public record CatchSpec(List<String> forSteps, int maxRecoveries) {
  public CatchSpec {
    forSteps = List.copyOf(forSteps);
  }

  public boolean isWildcard() {
    return forSteps.isEmpty();
  }
}
