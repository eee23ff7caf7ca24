package io.stepwise.server;

import java.time.Duration;

/**
 * Releases runs that have been idle in memory for the configured time, as the Python server's
 * idle release does: a run that announced its rest ({@code WorkflowIdleEvent}, see
 * {@link LiveRun#rests()}) and stayed quiet for the idle time is asked to let go
 * ({@link RunRegistry#releaseIfIdle}). A virtual thread looks over the runs in memory a few times
 * per idle period. The run decides: only one that can do nothing but wait for an event from outside
 * lets go (no run timeout, no timed wait, no step at work); one that refuses is not asked again
 * until its next rest. Its run store keeps it, its handler stays running, and the next event sent
 * to it reloads it.
 */
final class IdleRelease implements AutoCloseable {
  private final RunRegistry registry;
  private final Duration idle;
  private final Thread sweeper;
  private volatile boolean closed;

  IdleRelease(RunRegistry registry, Duration idle) {
    this.registry = registry;
    this.idle = idle;
    this.sweeper = Thread.ofVirtual().name("stepwise-server-idle-release").unstarted(this::sweep);
  }

  void start() {
    sweeper.start();
  }

  /** A quarter of the idle time, within 10 ms and 1 s: a run is released within 1.25 idle periods (or idle + 1 s). */
  private Duration period() {
    long quarter = idle.toMillis() / 4;
    return Duration.ofMillis(Math.max(10, Math.min(1000, quarter)));
  }

  private void sweep() {
    Duration period = period();
    Duration wait = Duration.ofSeconds(30);
    while (!closed) {
      try {
        Thread.sleep(period);
      } catch (InterruptedException e) {
        return;
      }
      long idleNanos = idle.toNanos();
      long now = System.nanoTime();
      for (LiveRun run : registry.inMemory()) {
        if (closed) {
          return;
        }
        if (run.resting() && !run.held() && run.idleNanos(now) >= idleNanos) {
          try {
            registry.releaseIfIdle(run, idleNanos, wait);
          } catch (RuntimeException e) {
            run.touch(); // its store or its loop refused: it stays in memory, asked again next period
          }
        }
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    sweeper.interrupt();
  }
}
