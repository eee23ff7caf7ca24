package io.stepwise.internal.execution;

import io.stepwise.Event;
import io.stepwise.internal.Log;
import io.stepwise.internal.children.ExecutionChildren;
import io.stepwise.internal.loop.Tick.StepReturned;
import io.stepwise.internal.loop.Tick.StepThrew;
import io.stepwise.internal.loop.Tick;
import io.stepwise.observe.RunObserver;
import io.stepwise.spi.StepDescriptor;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadFactory;

/**
 * One execution of a step on its own virtual thread: calls the step with its {@link StepContext},
 * reports what it returned or threw to the loop as a tick, and can be cancelled. It reports back
 * to the loop only through ticks.
 */
public final class StepExecution extends StepContext implements Runnable {
  private final Event[] events;
  private long startedAt;
  private volatile Thread thread;
  private volatile CompletableFuture<?> async;

  public StepExecution(ExecutionHost run, long id, StepDescriptor step, Event[] events, int attempt,
      Throwable lastError) {
    super(run, id, step, attempt, lastError);
    this.events = events;
  }

  public void start(ThreadFactory threads) {
    threads.newThread(this).start();
  }

  /** Interrupts the step's thread and cancels its async result; what it reports later is dropped. */
  public void cancel() {
    cancelled = true;
    ExecutionChildren running = children;
    if (running != null) {
      running.cancelAll();
    }
    Thread stepThread = thread;
    if (stepThread != null) {
      stepThread.interrupt();
    }
    CompletableFuture<?> pending = async;
    if (pending != null) {
      pending.cancel(true);
    }
  }

  /** Runs this execution, then any execution the loop handed to this thread on the way out. */
  @Override
  public void run() {
    StepExecution next = this;
    while (next != null) {
      next = next.runHere();
    }
  }

  /** Starts the execution on the current thread instead of a new one; see {@link ExecutionHost#postLast}. */
  private StepExecution runHere() {
    thread = Thread.currentThread();
    Thread.interrupted(); // a stale interrupt aimed at the previous execution on this thread
    if (cancelled) {
      return null; // cancelled before it began (checked after clearing, so no cancel is lost)
    }
    Level level = run.logLevel();
    if (level != null && Log.get().isLoggable(level)) {
      Log.get().log(level, "run {0}: step ''{1}'' starts on {2} (execution {3}, attempt {4})",
          run.runId(), step.name(), Arrays.toString(events), id, attempt);
    }
    // Closed before reporting: what reports may run the loop, and the next execution, on this thread.
    RunObserver.Scope scope = run.stepEntered(this, events);
    startedAt = System.nanoTime();
    Object returned;
    try {
      returned = run.invoker().invoke(step.index(), events, this);
    } catch (Throwable error) { // a step's Error fails the run instead of killing the loop silently
      if (scope != null) {
        scope.close();
      }
      return run.postLast(report(null, error));
    }
    if (scope != null) {
      scope.close();
    }
    if (returned instanceof CompletionStage<?> stage) {
      awaitAsync(stage);
      return null;
    }
    return run.postLast(report(returned, null));
  }

  /** Counts as in flight until the stage completes; the step's thread is free meanwhile. */
  private void awaitAsync(CompletionStage<?> stage) {
    try {
      CompletableFuture<?> future = stage.toCompletableFuture();
      async = future;
      if (cancelled) {
        future.cancel(true);
      }
    } catch (UnsupportedOperationException notCancellable) {
      // a foreign stage that cannot be cancelled: its result is ignored once cancelled
    }
    stage.whenComplete((value, error) -> run.post(report(value, error)));
  }

  private Tick report(Object returned, Throwable error) {
    ExecutionChildren made = children;
    if (made != null) {
      made.close();
    }
    Tick tick;
    if (error != null) {
      boolean wrapped = error instanceof CompletionException && error.getCause() != null;
      tick = new StepThrew(id, wrapped ? error.getCause() : error, Duration.ofNanos(System.nanoTime() - startedAt));
    } else {
      try {
        tick = new StepReturned(id, Emissions.of(step.name(), returned));
      } catch (IllegalStateException notAnEvent) {
        tick = new StepThrew(id, notAnEvent);
      }
    }
    Level level = run.logLevel();
    if (level != null && Log.get().isLoggable(level)) {
      Log.get().log(level, "run {0}: step ''{1}'' {2} (execution {3})", run.runId(), step.name(),
          tick instanceof StepReturned done ? "finished, produced " + done.emitted()
              : "failed: " + ((StepThrew) tick).error(), id);
    }
    return tick;
  }

  /** The step this execution runs. */
  public String stepName() {
    return step.name();
  }

  public StepDescriptor step() {
    return step;
  }

  public long id() {
    return id;
  }

  public int attempt() {
    return attempt;
  }

  /** When the body started ({@link System#nanoTime}); read after the execution reported. */
  public long startedAt() {
    return startedAt;
  }
}
