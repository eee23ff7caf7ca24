package io.stepwise.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon timer thread for all runs of the JVM. Its tasks only hand the tick to a virtual
 * thread, so a slow callback on a completed run can never hold up other runs' timers.
 */
public final class SharedTimers implements Timers {
  /** The process-wide instance. */
  public static final SharedTimers INSTANCE = new SharedTimers();

  private final ScheduledThreadPoolExecutor executor;

  private SharedTimers() {
    executor = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "stepwise-timer");
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true); // run timeouts are long and usually cancelled
  }

  @Override
  public Pending schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> future = executor.schedule(
        () -> Thread.startVirtualThread(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }
}
