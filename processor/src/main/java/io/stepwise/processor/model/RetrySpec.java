package io.stepwise.processor.model;

import com.palantir.javapoet.ClassName;
import java.time.Duration;
import java.util.List;

/**
 * How a step is retried: its {@code @Retry}, with its durations already parsed, or the provider of
 * the {@code RetryPolicy} its {@code @Step(retryPolicy)} names.
 *
 * @param policyProvider index of the provider of its retry policy, -1 when {@code @Retry} applies
 */
public record RetrySpec(
    int maxAttempts,
    Duration delay,
    double backoff,
    Duration maxDelay,
    double jitter,
    List<ClassName> on,
    List<ClassName> notOn,
    int policyProvider) {

  public RetrySpec {
    on = List.copyOf(on);
    notOn = List.copyOf(notOn);
  }

  /** A {@code @Retry}, without a policy object. */
  public RetrySpec(int maxAttempts, Duration delay, double backoff, Duration maxDelay, double jitter,
      List<ClassName> on, List<ClassName> notOn) {
    this(maxAttempts, delay, backoff, maxDelay, jitter, on, notOn, -1);
  }

  /** This {@code @Retry} replaced by the policy of provider {@code provider}. */
  public RetrySpec withPolicy(int provider) {
    return new RetrySpec(maxAttempts, delay, backoff, maxDelay, jitter, on, notOn, provider);
  }

  public boolean hasPolicy() {
    return policyProvider >= 0;
  }

  /** One attempt in total: the other {@code @Retry} settings can never apply. */
  public boolean isNone() {
    return maxAttempts == 1;
  }
}
