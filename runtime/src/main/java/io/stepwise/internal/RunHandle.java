package io.stepwise.internal;

import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowException;
import io.stepwise.WorkflowHandler;
import io.stepwise.graph.ExecutionRecorder;
import io.stepwise.graph.ExecutionTrace;
import io.stepwise.internal.Tick.CancelRequested;
import io.stepwise.internal.Tick.EventPosted;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/** The caller's side of a run: checks what comes from outside, then hands it to the driver. */
public final class RunHandle<R extends StopEvent> implements WorkflowHandler<R> {
  private final RunDriver<R> run;

  public RunHandle(RunDriver<R> run) {
    this.run = run;
  }

  @Override
  public String runId() {
    return run.runId();
  }

  @Override
  public Stream<Event> events() {
    return run.events();
  }

  @Override
  public R result() {
    try {
      return run.result().get();
    } catch (ExecutionException e) {
      // The driver only ever completes it with a WorkflowException (or an Error from a bug).
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new WorkflowException("Run " + runId() + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkflowException("Interrupted while waiting for the result of run " + runId()
          + "; the run goes on, call cancel() to stop it", e);
    }
  }

  @Override
  public CompletableFuture<R> future() {
    return run.exposedResult();
  }

  @Override
  public void sendEvent(Event event) {
    Objects.requireNonNull(event, "event");
    checkRunning();
    run.routing().checkAccepted(event);
    run.post(new EventPosted(event, -1));
  }

  @Override
  public void sendEvent(Event event, String step) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(step, "step");
    checkRunning();
    int index = run.routing().checkTarget(event, step);
    run.post(new EventPosted(event, index));
  }

  @Override
  public Snapshot snapshot() {
    if (run.isFinished()) {
      throw finished();
    }
    try {
      return run.snapshot().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new WorkflowException("Snapshot of run " + runId() + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WorkflowException("Interrupted while taking a snapshot of run " + runId(), e);
    }
  }

  /** A snapshot the run's loop answers later; for a parent taking its children's snapshots without blocking. */
  CompletableFuture<Snapshot> snapshotLater() {
    return run.snapshot();
  }

  @Override
  public void cancel() {
    if (!run.isFinished()) {
      run.post(new CancelRequested());
    }
  }

  /** The run's state and store; a run that continues this one starts from them. */
  public RunData data() {
    return run.data();
  }

  @Override
  public ExecutionTrace trace() {
    ExecutionRecorder recorder = run.recorder();
    if (recorder == null) {
      throw new IllegalStateException("Run " + runId() + " of workflow '" + run.routing().workflow()
          + "' records no trace; start it with RunOptions.defaults().withTrace(true)");
    }
    return recorder.trace();
  }

  @Override
  public boolean isDone() {
    return run.isFinished();
  }

  private void checkRunning() {
    if (run.isFinished()) {
      throw new IllegalStateException("Run " + runId() + " of workflow '" + run.routing().workflow()
          + "' has already finished; start a new run");
    }
  }

  private IllegalStateException finished() {
    return new IllegalStateException("Run " + runId() + " of workflow '" + run.routing().workflow()
        + "' has already finished; take snapshots of a running or paused run");
  }

  @Override
  public String toString() {
    return "WorkflowHandler[workflow '" + run.routing().workflow() + "', run " + runId()
        + (isDone() ? ", done]" : ", running]");
  }
}
