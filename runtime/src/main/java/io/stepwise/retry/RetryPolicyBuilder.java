package io.stepwise.retry;

import io.stepwise.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Composes a {@link RetryPolicy} from which errors to retry, how long to wait and when to stop,
 * as {@code RetryPolicy.builder()}. Defaults: every exception, {@link Backoff#fixed} 1 second,
 * {@link StopWhen#attempts} 3.
 */
public final class RetryPolicyBuilder {
  private RetryOn retryOn = RetryOn.any();
  private Backoff backoff = Backoff.fixed(Duration.ofSeconds(1));
  private StopWhen stop = StopWhen.attempts(3);

  /** Use {@link RetryPolicy#builder()}. */
  public RetryPolicyBuilder() {}

  /** Which errors are retried; the others fail the step at once. */
  public RetryPolicyBuilder retryOn(RetryOn retryOn) {
    this.retryOn = Objects.requireNonNull(retryOn, "retryOn");
    return this;
  }

  /** How long to wait before each retry. */
  public RetryPolicyBuilder backoff(Backoff backoff) {
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    return this;
  }

  /** When to give up. */
  public RetryPolicyBuilder stopWhen(StopWhen stop) {
    this.stop = Objects.requireNonNull(stop, "stop");
    return this;
  }

  public RetryPolicy build() {
    return new Composed(retryOn, backoff, stop);
  }

  private record Composed(RetryOn retryOn, Backoff backoff, StopWhen stop) implements RetryPolicy {
    @Override
    public Optional<Duration> next(Failure failure) {
      if (!retryOn.test(failure.error())) {
        return Optional.empty();
      }
      Duration delay = backoff.delay(failure.attempt(), failure.seed());
      if (stop.test(failure.attempt(), failure.elapsed(), delay)) {
        return Optional.empty();
      }
      return Optional.of(delay);
    }

    @Override
    public int maxAttempts() {
      return stop.maxAttempts();
    }
  }
}
