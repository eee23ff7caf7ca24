package io.stepwise.internal.run;

import io.stepwise.internal.loop.Tick;
import java.lang.ref.Cleaner;

/**
 * Notices runs whose handler was garbage-collected: nothing can send such a run an event any
 * more, so once it can only wait for one (a {@code waitForEvent} without timeout, or an answer to
 * its question, in a run without timeout) it is let go instead of holding its threads forever.
 * A run that still has work goes on to its end.
 *
 * <p>A run that ends lets go of its watch at once: a finished run needs none, and a watch left
 * to the garbage collector costs the cleaner thread a wake-up per run, which measured about 40% of
 * a short run's time (S4 in docs/benchmarks.md).
 */
final class Abandonment {
  private static final Cleaner CLEANER = Cleaner.create(Thread.ofVirtual().name("stepwise-abandonment").factory());

  private Abandonment() {}

  /** One run's watch; its action holds the driver, never the handle. */
  static final class Watch implements Runnable {
    private final RunDriver<?> run;
    private volatile boolean released;
    private Cleaner.Cleanable cleanable;

    private Watch(RunDriver<?> run) {
      this.run = run;
    }

    @Override
    public void run() {
      if (released) {
        return;
      }
      run.stream().unreachable();
      if (!run.isFinished()) {
        run.post(new Tick.Abandoned());
      }
    }

    /** The run ended: stop watching, so the handle's collection costs nothing. */
    void release() {
      released = true;
      Cleaner.Cleanable registered;
      synchronized (this) {
        registered = cleanable;
      }
      if (registered != null) {
        registered.clean(); // runs the action now, which does nothing once released
      }
    }
  }

  /** Tells {@code run}'s loop when {@code handle} is no longer reachable, unless the run ends first. */
  static void watch(Object handle, RunDriver<?> run) {
    if (run.isFinished()) {
      return;
    }
    Watch watch = new Watch(run);
    Cleaner.Cleanable registered = CLEANER.register(handle, watch);
    synchronized (watch) {
      watch.cleanable = registered;
    }
    run.watchedBy(watch);
  }
}
