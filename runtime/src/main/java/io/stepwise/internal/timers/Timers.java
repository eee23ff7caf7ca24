package io.stepwise.internal.timers;

import java.time.Duration;

/** The driver's clock: runs a task after a delay. Behind an interface so tests and hosts can swap it. */
public interface Timers {
  /** A scheduled task that has not necessarily run yet. */
  interface Pending {
    /** Prevents the task from running, if it has not started. */
    void cancel();
  }

  /** Runs {@code task} once after {@code delay}, on a thread of the implementation's choosing. */
  Pending schedule(Duration delay, Runnable task);
}
