package io.stepwise.internal.snapshot;

import io.stepwise.internal.Log;
import io.stepwise.internal.timers.Timers;
import io.stepwise.store.RunStoreException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a run's checkpoint saves one at a time, in order, on a virtual thread of its own, so a slow
 * store never holds up the control loop; the thread ends whenever the queue is empty.
 *
 * <p>Each save has a deadline. A save that throws is reported to the run. A save that outlives its
 * deadline is reported too and <em>breaks</em> the sink: its thread is stuck in the store, so the
 * saves queued behind it are skipped, and the tasks that wait for the saves (the run's result) run
 * at once instead of waiting on a store that may never answer.
 */
final class CheckpointSink {
  private record Task(Runnable work, boolean save) {}

  private final String runId;
  private final Duration timeout;
  private final Timers timers;
  private volatile Consumer<RuntimeException> failures = failure -> { };
  private final ArrayDeque<Task> tasks = new ArrayDeque<>();
  // Guarded by this.
  private boolean draining;
  private boolean broken;
  private Thread drainer;
  private long saves;
  private long running; // the number of the save in progress, 0 when none

  CheckpointSink(String runId, Duration timeout, Timers timers) {
    this.runId = runId;
    this.timeout = timeout;
    this.timers = timers;
  }

  /** Where failed and timed-out saves are reported; set before the first save. */
  void reportFailuresTo(Consumer<RuntimeException> failures) {
    this.failures = failures;
  }

  /** Queues a save behind every task queued before it; skipped once the sink broke. */
  void save(Runnable save) {
    offer(new Task(save, true));
  }

  /** Runs {@code task} once every save queued before it ended, or at once when a save outlived its deadline. */
  void then(Runnable task) {
    offer(new Task(task, false));
  }

  private void offer(Task task) {
    boolean skipped = false;
    boolean start = false;
    synchronized (this) {
      if (broken) {
        skipped = true;
      } else {
        tasks.addLast(task);
        start = !draining;
        draining = true;
      }
    }
    if (skipped) {
      if (!task.save()) {
        runQuietly(task.work());
      }
    } else if (start) {
      Thread.ofVirtual().name("stepwise-checkpoint").start(this::drain);
    }
  }

  private void drain() {
    while (true) {
      Task task;
      long number;
      synchronized (this) {
        task = broken ? null : tasks.pollFirst();
        if (task == null) {
          draining = false;
          drainer = null;
          return;
        }
        drainer = Thread.currentThread();
        number = task.save() ? ++saves : 0;
        running = number;
      }
      if (!task.save()) {
        runQuietly(task.work());
        continue;
      }
      Timers.Pending deadline = timers.schedule(timeout, () -> outlived(number));
      try {
        task.work().run();
      } catch (RuntimeException | Error failure) {
        synchronized (this) {
          if (broken) {
            continue; // already reported as timed out
          }
        }
        failures.accept(failure instanceof RuntimeException runtime ? runtime
            : new RunStoreException("Run " + runId + ": a checkpoint save failed with " + failure, failure));
      } finally {
        deadline.cancel();
        synchronized (this) {
          running = 0;
        }
        Thread.interrupted(); // an interrupt aimed at a save that outlived its deadline
      }
    }
  }

  /** Save {@code number} is still running at its deadline: report it, skip the saves behind it, run the rest. */
  private void outlived(long number) {
    List<Task> orphaned;
    Thread stuck;
    synchronized (this) {
      if (broken || running != number) {
        return;
      }
      broken = true;
      orphaned = new ArrayList<>(tasks);
      tasks.clear();
      stuck = drainer;
    }
    failures.accept(new RunStoreException("Run " + runId + ": a checkpoint save took longer than " + timeout
        + " (RunOptions runStoreTimeout), so no later checkpoint of this run is saved. Check the run store, or"
        + " raise the timeout"));
    if (stuck != null) {
      stuck.interrupt();
    }
    for (Task task : orphaned) {
      if (!task.save()) {
        runQuietly(task.work());
      }
    }
  }

  private void runQuietly(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error bug) {
      Log.get().log(System.Logger.Level.ERROR, "run " + runId + ": a task after the checkpoints failed", bug);
    }
  }
}
