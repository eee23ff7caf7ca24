package io.stepwise.spi;

import java.util.List;

/**
 * What a {@code @CatchError} handler step covers.
 *
 * @param forSteps names of the steps it handles, sorted; empty for the wildcard handler, which
 *     handles every step no scoped handler claims
 * @param maxRecoveries how many recoveries one chain of events may go through
 */
public record CatchPolicy(List<String> forSteps, int maxRecoveries) {
  public CatchPolicy {
    forSteps = List.copyOf(forSteps);
    if (maxRecoveries < 0) {
      throw new IllegalArgumentException("maxRecoveries must be >= 0, was " + maxRecoveries);
    }
  }

  /** Whether it handles the steps no scoped handler claims. */
  public boolean isWildcard() {
    return forSteps.isEmpty();
  }
}
