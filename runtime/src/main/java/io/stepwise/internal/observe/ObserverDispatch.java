package io.stepwise.internal.observe;

import io.stepwise.Event;
import io.stepwise.ObserverFailedEvent;
import io.stepwise.internal.Log;
import io.stepwise.observe.RunObserver;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Calls a run's observers, so that none can break it: what a call throws is caught, the first
 * failure of each observer is logged and queued as an {@link ObserverFailedEvent} for the run's
 * stream, and the run goes on. Made only for a run that has observers.
 */
final class ObserverDispatch {
  private final String runId;
  private final RunObserver[] observers;
  private final boolean[] reported; // guarded by this: failures are rare, and come from several threads
  private final Queue<Event> reports = new ConcurrentLinkedQueue<>();

  ObserverDispatch(String runId, List<RunObserver> observers) {
    this.runId = runId;
    this.observers = observers.toArray(RunObserver[]::new);
    this.reported = new boolean[this.observers.length];
  }

  /** Calls {@code callback} (named {@code name} in reports) on every observer, in registration order. */
  void each(String name, Consumer<RunObserver> callback) {
    for (int i = 0; i < observers.length; i++) {
      try {
        callback.accept(observers[i]);
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable error) { // an observer's Error (a missing class, say) must not end the run either
        failed(i, name, error);
      }
    }
  }

  /** Opens every observer's scope for a step body; the result closes them in reverse order. */
  RunObserver.Scope enter(String name, Function<RunObserver, RunObserver.Scope> entering) {
    RunObserver.Scope[] opened = new RunObserver.Scope[observers.length];
    boolean any = false;
    for (int i = 0; i < observers.length; i++) {
      try {
        opened[i] = entering.apply(observers[i]);
        any |= opened[i] != null;
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable error) {
        failed(i, name, error);
      }
    }
    if (!any) {
      return null;
    }
    return () -> {
      for (int i = opened.length - 1; i >= 0; i--) {
        if (opened[i] != null) {
          try {
            opened[i].close();
          } catch (VirtualMachineError fatal) {
            throw fatal;
          } catch (Throwable error) {
            failed(i, "Scope.close", error);
          }
        }
      }
    };
  }

  /** Hands the failures reported since the last call to {@code publish}, oldest first. */
  void flushReports(Consumer<Event> publish) {
    Event report;
    while ((report = reports.poll()) != null) {
      publish.accept(report);
    }
  }

  private void failed(int index, String callback, Throwable error) {
    synchronized (this) {
      if (reported[index]) {
        return;
      }
      reported[index] = true;
    }
    String observer = observers[index].getClass().getName();
    Log.get().log(Level.WARNING, "Observer " + observer + " threw in " + callback + " for run " + runId
        + "; the run goes on, and later failures of this observer in this run are not reported", error);
    reports.add(new ObserverFailedEvent(observer, callback, error.getClass().getName(), error.getMessage()));
  }
}
