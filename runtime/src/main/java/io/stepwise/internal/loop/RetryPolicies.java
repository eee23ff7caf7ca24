package io.stepwise.internal.loop;

import io.stepwise.RetryPolicy;
import io.stepwise.spi.StepDescriptor;
import java.util.List;

/**
 * Each step's retry policy: its compiled {@code @Retry}, or the {@code RetryPolicy} a provider of
 * the workflow instance returns ({@code @Step(retryPolicy = "...")}), asked for when a step fails.
 */
public final class RetryPolicies {
  /** Where the policy of a step comes from; may call the workflow's provider, which may throw. */
  @FunctionalInterface
  public interface Source {
    RetryPolicy of(int step) throws Exception;
  }

  private final Source source;

  public RetryPolicies(Source source) {
    this.source = source;
  }

  /** Each step's compiled {@code @Retry}: for runtimes and tests without a workflow instance. */
  public static RetryPolicies annotated(List<StepDescriptor> steps) {
    return new RetryPolicies(step -> steps.get(step).retry());
  }

  /**
   * The policy of {@code step}; when its provider fails, or returns null, a policy that never
   * retries and adds why to the step's error.
   */
  RetryPolicy of(StepDescriptor step) {
    RetryPolicy policy;
    try {
      policy = source.of(step.index());
    } catch (Exception providerFailed) {
      return failure -> {
        failure.error().addSuppressed(new IllegalStateException("The retry policy of step '" + step.name()
            + "' could not be created, so the step was not retried", providerFailed));
        return java.util.Optional.empty();
      };
    }
    if (policy == null) {
      return failure -> {
        failure.error().addSuppressed(new IllegalStateException("The retry policy provider of step '"
            + step.name() + "' returned null, so the step was not retried; return a RetryPolicy"));
        return java.util.Optional.empty();
      };
    }
    return policy;
  }

  /** For {@code ctx.retryInfo().maxAttempts()}: what the step's policy says, 1 when it cannot be had. */
  public int maxAttempts(StepDescriptor step) {
    try {
      RetryPolicy policy = source.of(step.index());
      return policy == null ? 1 : Math.max(1, policy.maxAttempts());
    } catch (Exception providerFailed) {
      return 1;
    }
  }
}
