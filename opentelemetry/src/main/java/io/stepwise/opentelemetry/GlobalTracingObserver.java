package io.stepwise.opentelemetry;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.stepwise.observe.ChildRunStarted;
import io.stepwise.observe.EventRouted;
import io.stepwise.observe.RunEnded;
import io.stepwise.observe.RunObserver;
import io.stepwise.observe.RunStarted;
import io.stepwise.observe.StepCancelled;
import io.stepwise.observe.StepFailed;
import io.stepwise.observe.StepFinished;
import io.stepwise.observe.StepRetrying;
import io.stepwise.observe.StepStarted;

/**
 * A {@link TracingObserver} over {@link GlobalOpenTelemetry} (set by the OpenTelemetry Java agent
 * or the application), for tracing every run in the JVM: list this class in
 * {@code META-INF/services/io.stepwise.observe.RunObserver}. The global instance is read when the
 * first run starts, not when the observer is loaded, so an application that sets it at start-up
 * is seen. Not listed by this module itself: tracing every run is the application's choice.
 */
public final class GlobalTracingObserver implements RunObserver {
  private volatile TracingObserver delegate;

  private TracingObserver delegate() {
    TracingObserver current = delegate;
    if (current == null) {
      synchronized (this) {
        current = delegate;
        if (current == null) {
          current = TracingObserver.create(GlobalOpenTelemetry.get());
          delegate = current;
        }
      }
    }
    return current;
  }

  @Override
  public void runStarted(RunStarted run) {
    delegate().runStarted(run);
  }

  @Override
  public void runEnded(RunEnded run) {
    delegate().runEnded(run);
  }

  @Override
  public void stepStarted(StepStarted step) {
    delegate().stepStarted(step);
  }

  @Override
  public Scope stepEntered(StepStarted step) {
    return delegate().stepEntered(step);
  }

  @Override
  public void stepFinished(StepFinished step) {
    delegate().stepFinished(step);
  }

  @Override
  public void stepFailed(StepFailed step) {
    delegate().stepFailed(step);
  }

  @Override
  public void stepRetrying(StepRetrying step) {
    delegate().stepRetrying(step);
  }

  @Override
  public void stepCancelled(StepCancelled step) {
    delegate().stepCancelled(step);
  }

  @Override
  public void eventRouted(EventRouted event) {
    delegate().eventRouted(event);
  }

  @Override
  public void childRunStarted(ChildRunStarted child) {
    delegate().childRunStarted(child);
  }
}
