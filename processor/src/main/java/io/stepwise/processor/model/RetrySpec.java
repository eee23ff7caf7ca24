package io.stepwise.processor.model;

import com.palantir.javapoet.ClassName;
import java.time.Duration;
import java.util.List;

/** A step's {@code @Retry}, with its durations already parsed. */
public record RetrySpec(
    int maxAttempts,
    Duration delay,
    double backoff,
    Duration maxDelay,
    double jitter,
    List<ClassName> on,
    List<ClassName> notOn) {

  public RetrySpec {
    on = List.copyOf(on);
    notOn = List.copyOf(notOn);
  }

  /** One attempt in total: the other settings can never apply. */
  public boolean isNone() {
    return maxAttempts == 1;
  }
}
