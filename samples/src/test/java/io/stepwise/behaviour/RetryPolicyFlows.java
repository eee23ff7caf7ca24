package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.RetryPolicy;
import io.stepwise.StartEvent;
import io.stepwise.StepFailedEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.CatchError;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.retry.Backoff;
import io.stepwise.retry.RetryOn;
import io.stepwise.retry.StopWhen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Steps retried by policy objects their workflows provide. */
final class RetryPolicyFlows {
  private RetryPolicyFlows() {}

  /** Fail {@code failures} times with {@code message} (an IllegalStateException), then succeed. */
  record Call(int failures, String message) implements StartEvent {}

  /** How the step finished, or what a handler saw when it gave up. */
  record Outcome(String how, int attempts, long elapsedMillis) implements StopEvent {}

  record Progress(String text) implements Event {}

  /** Limits a provider reads, as a config would give them: the policy is itself made of a resource. */
  record Limits(int attempts, Duration delay) {}

  /**
   * {@code call} is retried by {@code transient}: server errors (by message) and I/O causes, a short
   * fixed delay, at most {@code Limits.attempts}; {@code lookup} by a policy written as a lambda.
   */
  @Workflow(name = "retry-policy")
  static class TransientFlow {
    final List<Integer> maxAttemptsSeen = new CopyOnWriteArrayList<>();
    private final Limits limits;

    TransientFlow(Limits limits) {
      this.limits = limits;
    }

    @Provides
    Limits limits() {
      return limits;
    }

    @Provides
    RetryPolicy serverErrors(Limits limits) {
      return RetryPolicy.builder()
          .retryOn(RetryOn.messageMatching("HTTP 5\\d\\d").or(RetryOn.cause(IOException.class)))
          .backoff(Backoff.fixed(limits.delay()))
          .stopWhen(StopWhen.attempts(limits.attempts()))
          .build();
    }

    @Step(retryPolicy = "serverErrors")
    Outcome call(Call call, Context<?> ctx) {
      int attempt = ctx.retryInfo().attempt();
      maxAttemptsSeen.add(ctx.retryInfo().maxAttempts());
      if (attempt <= call.failures()) {
        if (call.message().equals("io")) {
          throw new UncheckedIOException(new IOException("connection reset"));
        }
        throw new IllegalStateException(call.message());
      }
      return new Outcome("ok", attempt, 0);
    }
  }

  /** Always fails; its policy stops once waiting again would pass 100 ms since the first attempt. */
  @Workflow(name = "retry-deadline")
  static class DeadlineFlow {
    @Provides(name = "deadline")
    RetryPolicy policy() {
      return RetryPolicy.builder()
          .backoff(Backoff.fixed(Duration.ofMillis(40)))
          .stopWhen(StopWhen.elapsedAfterDelay(Duration.ofMillis(100)))
          .build();
    }

    @Step(retryPolicy = "deadline")
    Outcome call(Call call) {
      throw new IllegalStateException("down");
    }

    @CatchError
    Outcome gaveUp(StepFailedEvent failed) {
      return new Outcome("gave up: " + failed.error().getMessage(), failed.attempts(), failed.elapsed().toMillis());
    }
  }

  /** A policy of one's own, written as a lambda; it throws on the third failure. */
  @Workflow(name = "retry-custom")
  static class CustomFlow {
    @Provides
    RetryPolicy custom() {
      return failure -> {
        if (failure.attempt() == 3) {
          throw new IllegalArgumentException("policy broke");
        }
        return failure.error().getMessage().startsWith("again") ? Optional.of(Duration.ZERO) : Optional.empty();
      };
    }

    @Step(retryPolicy = "custom")
    Outcome call(Call call, Context<?> ctx) {
      throw new IllegalStateException(call.message() + " " + ctx.retryInfo().attempt());
    }
  }

  /**
   * Fails until the third attempt, 10 minutes apart, but stops once 5 minutes have passed: resumed
   * from a snapshot taken while it waits, its second attempt fails past the limit.
   */
  @Workflow(name = "retry-resumed", timeout = "0s")
  static class SlowRetryFlow {
    @Provides
    RetryPolicy patient() {
      return RetryPolicy.builder()
          .backoff(Backoff.fixed(Duration.ofMinutes(10)))
          .stopWhen(StopWhen.attempts(3).or(StopWhen.elapsed(Duration.ofMinutes(5))))
          .build();
    }

    @Step(retryPolicy = "patient")
    Outcome call(Call call, Context<?> ctx) {
      ctx.writeEventToStream(new Progress("attempt " + ctx.retryInfo().attempt()));
      throw new IllegalStateException("attempt " + ctx.retryInfo().attempt() + " failed");
    }

    @CatchError
    Outcome gaveUp(StepFailedEvent failed) {
      return new Outcome("gave up: " + failed.error().getMessage(), failed.attempts(), failed.elapsed().toMillis());
    }
  }
}
