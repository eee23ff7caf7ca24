package io.stepwise.internal;

import java.lang.ref.Cleaner;

/**
 * Notices runs whose handler was garbage-collected: nothing can send such a run an event any
 * more, so once it can only wait for one (a {@code waitForEvent} without timeout, or an answer to
 * its question, in a run without timeout) it is let go instead of holding its threads forever.
 * A run that still has work goes on to its end.
 */
final class Abandonment {
  private static final Cleaner CLEANER = Cleaner.create(Thread.ofVirtual().name("stepwise-abandonment").factory());

  private Abandonment() {}

  /** Tells {@code run}'s loop when {@code handle} is no longer reachable. */
  static void watch(Object handle, RunDriver<?> run) {
    CLEANER.register(handle, () -> {
      if (!run.isFinished()) {
        run.post(new Tick.Abandoned());
      }
    });
  }
}
