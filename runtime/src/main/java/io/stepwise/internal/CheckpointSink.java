package io.stepwise.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;

/**
 * Runs a run's checkpoint deliveries one at a time, in order, on a virtual thread of their own,
 * so a slow store never holds up the control loop. The thread ends whenever the queue is empty.
 */
final class CheckpointSink {

  private final String runId;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private boolean draining;

  CheckpointSink(String runId) {
    this.runId = runId;
  }

  /** Queues a task behind every task queued before it. */
  void offer(Runnable task) {
    synchronized (this) {
      tasks.addLast(task);
      if (draining) {
        return;
      }
      draining = true;
    }
    Thread.ofVirtual().name("stepwise-checkpoint").start(this::drain);
  }

  private void drain() {
    while (true) {
      Runnable task;
      synchronized (this) {
        task = tasks.pollFirst();
        if (task == null) {
          draining = false;
          return;
        }
      }
      try {
        task.run();
      } catch (RuntimeException | Error failure) {
        // A checkpoint store that fails must not stop the run, nor the later checkpoints.
        Log.get().log(Level.WARNING, "run " + runId + ": a checkpoint consumer failed", failure);
      }
    }
  }
}
