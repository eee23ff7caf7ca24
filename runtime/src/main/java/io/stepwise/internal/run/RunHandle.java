package io.stepwise.internal.run;

import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowException;
import io.stepwise.WorkflowHandler;
import io.stepwise.graph.ExecutionTrace;
import io.stepwise.internal.children.LocalRun;
import io.stepwise.internal.children.RunChildren;
import io.stepwise.internal.loop.Tick.CancelRequested;
import io.stepwise.internal.loop.Tick.EventPosted;
import io.stepwise.internal.state.RunData;
import io.stepwise.internal.stream.BriefSpin;
import io.stepwise.internal.trace.ExecutionRecorder;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/** The caller's side of a run: checks what comes from outside, then hands it to the driver. */
public final class RunHandle<R extends StopEvent> implements WorkflowHandler<R>, LocalRun {
  private final RunDriver<R> run;

  public RunHandle(RunDriver<R> run) {
    this.run = run;
    // The watch holds the driver, never this handle: it acts once nothing can reach the handle.
    Abandonment.watch(this, run);
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
      BriefSpin.until(run.result()::isDone);
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
    if (!offer(event)) {
      throw new IllegalArgumentException("Workflow '" + run.routing().workflow() + "' has no step that accepts "
          + event.getClass().getName() + ", and no child run of run " + runId() + " accepts it (child runs in"
          + " flight: " + run.children().describe() + "); it accepts: " + run.routing().acceptedTypes());
    }
  }

  /**
   * Delivers an event to this run's steps when one accepts it, else to its children in flight,
   * each applying this same rule: so it reaches, in each branch of the run's tree, the nearest
   * runs that accept it. A finished run takes nothing.
   *
   * @return whether some run took it
   */
  @Override
  public boolean offer(Event event) {
    if (run.isFinished()) {
      return false;
    }
    if (run.routing().accepts(event)) {
      run.post(new EventPosted(event, -1));
      return true;
    }
    return run.children().offer(event);
  }

  /** The run's children in flight. */
  @Override
  public RunChildren children() {
    return run.children();
  }

  @Override
  public void sendEventToChild(String childRunId, Event event) {
    Objects.requireNonNull(childRunId, "childRunId");
    Objects.requireNonNull(event, "event");
    checkRunning();
    // A child goes from awaited (held events) to running only once; when it does so between the
    // two lookups, the second round finds it running.
    for (int round = 0; round < 2; round++) {
      WorkflowHandler<?> found = run.children().find(childRunId);
      if (found instanceof RunHandle<?> child) {
        if (!child.run.routing().accepts(event)) {
          throw new IllegalArgumentException("Child run " + childRunId + " of workflow '" + child.run.routing().workflow()
              + "' has no step that accepts " + event.getClass().getName() + "; it accepts: "
              + child.run.routing().acceptedTypes());
        }
        child.run.post(new EventPosted(event, -1)); // dropped if the child ends meanwhile, as for any run
        return;
      }
      if (run.children().holdFor(childRunId, event)) {
        return;
      }
    }
    throw new IllegalArgumentException("Run " + runId() + " of workflow '" + run.routing().workflow()
        + "' has no child run " + childRunId + " in flight (child runs in flight: " + run.children().describe()
        + "); a child run takes events only while it runs: take its id from a ChildEvent of this run's stream");
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
    try {
      CompletableFuture<Snapshot> taking = run.snapshot();
      BriefSpin.until(taking::isDone);
      return taking.get();
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

  /** Whether the run waits for a slot of its workflow's {@code numConcurrentRuns}. */
  @Override
  public boolean isQueued() {
    return run.isQueued();
  }

  /** A snapshot the run's loop answers later; for a parent taking its children's snapshots without blocking. */
  @Override
  public CompletableFuture<Snapshot> snapshotLater() {
    return run.snapshot();
  }

  @Override
  public void cancel() {
    if (!run.isFinished()) {
      run.ending(); // before the tick: a resume right after this call waits for the run's last save
      if (!run.withdraw()) { // a queued run leaves its queue and ends at once; a started one ends by its loop
        run.post(new CancelRequested());
      }
    }
  }

  @Override
  public CompletableFuture<Boolean> release() {
    if (!run.isFinished() && !run.storing()) {
      throw new IllegalStateException("Run " + runId() + " of workflow '" + run.routing().workflow() + "' has no run"
          + " store, so releasing it from memory would lose it; start it with RunOptions.builder().runStore(...)");
    }
    return run.release();
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

  @Override
  public String toString() {
    return "WorkflowHandler[workflow '" + run.routing().workflow() + "', run " + runId()
        + (isDone() ? ", done]" : ", running]");
  }
}
