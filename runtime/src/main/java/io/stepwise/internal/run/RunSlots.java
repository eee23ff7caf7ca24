package io.stepwise.internal.run;

import java.util.ArrayDeque;
import java.util.concurrent.ThreadFactory;

/**
 * The {@code numConcurrentRuns} limit of one compiled workflow: at most {@code limit} of its runs
 * (new, resumed, continued or child runs alike) are started and not yet ended; the others wait in
 * FIFO order, as Python's per-workflow semaphore makes them wait. A run holds its slot from its
 * start to its end, waits for people included.
 */
public final class RunSlots {
  private static final ThreadFactory ADMISSIONS =
      Thread.ofVirtual().name("stepwise-admit").factory();

  private final int limit;
  private int running;
  private final ArrayDeque<RunDriver<?>> queue = new ArrayDeque<>();

  /** @param limit at least 1 */
  public RunSlots(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("numConcurrentRuns must be at least 1, was " + limit);
    }
    this.limit = limit;
  }

  /** How many runs may run at once. */
  public int limit() {
    return limit;
  }

  /** Starts {@code run} on this thread when a slot is free, else puts it at the end of the queue. */
  void enter(RunDriver<?> run) {
    synchronized (this) {
      if (running >= limit) {
        queue.addLast(run);
        return;
      }
      running++;
    }
    run.admit();
  }

  /**
   * A run that held a slot ended: the oldest queued run takes the slot over and starts, on a
   * thread of its own (the ending run's loop must not run another run's loop inside its own).
   */
  void leave() {
    RunDriver<?> next;
    synchronized (this) {
      next = queue.pollFirst();
      if (next == null) {
        running--;
        return;
      }
    }
    ADMISSIONS.newThread(next::admit).start();
  }

  /** Takes a queued run out of the queue; false when it is not queued (it started, or is starting). */
  synchronized boolean withdraw(RunDriver<?> run) {
    return queue.remove(run);
  }

  /** How many runs wait for a slot. */
  public synchronized int queued() {
    return queue.size();
  }

  /** How many runs hold a slot. */
  public synchronized int running() {
    return running;
  }
}
