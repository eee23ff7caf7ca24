package io.stepwise.internal.run;

import io.stepwise.internal.IdTable;
import io.stepwise.internal.timers.Timers;
import java.time.Duration;

/**
 * The timers one run's loop asked for (run and step timeouts, retry delays, wait timeouts) by the
 * loop's key, with when each is due, so a snapshot can say how long a retry has left to wait.
 * Touched only by the run's draining thread.
 */
final class RunTimers {
  /** A timer and when it fires. */
  private record Armed(Timers.Pending pending, long dueNanos) {}

  private final Timers timers;
  private final IdTable<Armed> armed = new IdTable<>();

  RunTimers(Timers timers) {
    this.timers = timers;
  }

  /** Runs {@code fire} after {@code delay}, under {@code key}. */
  void schedule(long key, Duration delay, Runnable fire) {
    armed.put(key, new Armed(timers.schedule(delay, fire), System.nanoTime() + delay.toNanos()));
  }

  /** Cancels the timer under {@code key}, if it has not fired. */
  void unschedule(long key) {
    Armed timer = armed.remove(key);
    if (timer != null) {
      timer.pending().cancel();
    }
  }

  /** The timer under {@code key} fired: its tick reached the loop. */
  void fired(long key) {
    armed.remove(key);
  }

  /** The run ended: no timer of it fires any more. */
  void cancelAll() {
    armed.valuesByKey().forEach(timer -> timer.pending().cancel());
    armed.clear();
  }

  /** How long the timer under {@code key} has left, zero when it is due or unknown. */
  Duration left(long key) {
    Armed timer = armed.get(key);
    if (timer == null) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.max(0, timer.dueNanos() - System.nanoTime()));
  }
}
