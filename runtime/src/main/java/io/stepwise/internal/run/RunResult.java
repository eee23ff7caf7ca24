package io.stepwise.internal.run;

import io.stepwise.Event;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowException;
import java.util.concurrent.CompletableFuture;

/**
 * A run's result: its stop event, or the error it failed with. Only the driver completes it;
 * callers get a twin ({@link #exposed()}), so a caller completing it cannot change the run's result.
 */
final class RunResult<R extends StopEvent> {
  private final Class<R> stopType;
  private final CompletableFuture<R> result = new CompletableFuture<>();
  private volatile CompletableFuture<R> exposed; // made when a caller first asks

  RunResult(Class<R> stopType) {
    this.stopType = stopType;
  }

  /** The run's stop event type. */
  Class<R> stopType() {
    return stopType;
  }

  /** The error of a run of workflow {@code workflow} that ended with {@code terminal}, which is not its stop type; else null. */
  RuntimeException wrongEnd(String workflow, Event terminal) {
    if (stopType.isInstance(terminal)) {
      return null;
    }
    return new WorkflowException("Workflow '" + workflow + "' ended with " + terminal.getClass().getName()
        + ", which is not its stop event type " + stopType.getName());
  }

  /** Completes the result with {@code failure}, or with {@code terminal} (a stop event of its type) when it is null. */
  void complete(Event terminal, RuntimeException failure) {
    if (failure != null) {
      result.completeExceptionally(failure);
    } else {
      R stop = stopType.cast(terminal);
      result.complete(stop);
    }
  }

  /** The result itself, completed when the run ends. */
  CompletableFuture<R> future() {
    return result;
  }

  /** The twin of the result for callers. */
  CompletableFuture<R> exposed() {
    CompletableFuture<R> twin = exposed;
    if (twin == null) {
      synchronized (this) {
        twin = exposed;
        if (twin == null) {
          CompletableFuture<R> made = new CompletableFuture<>();
          // Completed with the result's own value or exception, on whichever thread completes it.
          result.whenComplete((value, error) -> {
            if (error != null) {
              made.completeExceptionally(error);
            } else {
              made.complete(value);
            }
          });
          twin = made;
          exposed = made;
        }
      }
    }
    return twin;
  }
}
