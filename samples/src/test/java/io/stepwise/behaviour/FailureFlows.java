package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.StartEvent;
import io.stepwise.StepFailedEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.CatchError;
import io.stepwise.annotations.Retry;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.Optional;

/** Workflows whose steps fail, time out, retry and recover. */
final class FailureFlows {
  private FailureFlows() {}

  record Go() implements StartEvent {}

  record Done(String how) implements StopEvent {}

  /** Fails {@code failures} times, then succeeds; three attempts at most. */
  @Workflow
  static class FlakyFlow {
    final int failures;

    FlakyFlow(int failures) {
      this.failures = failures;
    }

    @Step(retry = @Retry(maxAttempts = 3, delay = "1ms"))
    Done call(Go ev, Context<?> ctx) {
      int attempt = ctx.retryInfo().attempt();
      if (attempt <= failures) {
        throw new IllegalStateException("attempt " + attempt);
      }
      String last = ctx.retryInfo().lastError() == null ? "none" : ctx.retryInfo().lastError().getMessage();
      return new Done("attempt " + attempt + " of " + ctx.retryInfo().maxAttempts() + " after " + last);
    }
  }

  /** The first attempt hangs past the step timeout; the retry succeeds. */
  @Workflow
  static class SlowFirstFlow {
    @Step(timeout = "300ms", retry = @Retry(maxAttempts = 2, delay = "1ms"))
    Done call(Go ev, Context<?> ctx) throws InterruptedException {
      if (ctx.retryInfo().attempt() == 1) {
        Thread.sleep(60_000);
      }
      return new Done("attempt " + ctx.retryInfo().attempt() + " after "
          + ctx.retryInfo().lastError().getClass().getSimpleName());
    }
  }

  /** A step that always fails, and a handler that turns the failure into a result. */
  @Workflow
  static class RecoverFlow {
    @Step(retry = @Retry(maxAttempts = 2, delay = "1ms"))
    Done fetch(Go ev) {
      throw new IllegalStateException("service down");
    }

    @CatchError(forSteps = "fetch")
    Done recover(StepFailedEvent failed) {
      return new Done("recovered " + failed.step() + " on " + failed.input().getClass().getSimpleName()
          + ": " + failed.error().getMessage() + " after " + failed.attempts() + " attempts");
    }
  }

  /** Never produces its stop event; the run timeout ends it. */
  @Workflow(timeout = "300ms")
  static class NeverStopsFlow {
    @Step
    Optional<Done> idle(Go ev) {
      return Optional.empty();
    }
  }
}
