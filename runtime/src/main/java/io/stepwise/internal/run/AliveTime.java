package io.stepwise.internal.run;

import java.time.Duration;

/**
 * How long a run has been alive over all its starts: the time before this start (a resumed run's
 * snapshot says), then from when its loop here saw its first tick (not while it was queued) until
 * now or its end. A run timeout and a snapshot's {@code elapsed} count this time.
 */
final class AliveTime {
  private Duration before = Duration.ZERO;
  // System.nanoTime() of the first tick and of the end here, -1 until then.
  private volatile long startedNanos = -1;
  private volatile long endedNanos = -1;

  /** The time the run was alive before this start; set before the first tick. */
  void before(Duration elapsed) {
    this.before = elapsed;
  }

  /** The loop sees the run's first tick: its time here counts from now (once). */
  void started() {
    if (startedNanos < 0) {
      startedNanos = System.nanoTime();
    }
  }

  boolean hasStarted() {
    return startedNanos >= 0;
  }

  /** The run ended here. */
  void ended() {
    endedNanos = System.nanoTime();
  }

  /** The run's time alive over all its starts, until now or its end. */
  Duration elapsed() {
    long started = startedNanos;
    if (started < 0) {
      return before;
    }
    long ended = endedNanos;
    return before.plusNanos((ended >= 0 ? ended : System.nanoTime()) - started);
  }
}
