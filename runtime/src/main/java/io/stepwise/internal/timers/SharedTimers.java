package io.stepwise.internal.timers;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One daemon timer thread for all runs of the JVM, over a deadline heap. Its tasks only hand the
 * tick to a virtual thread, so a slow callback on a completed run can never hold up other runs'
 * timers.
 *
 * <p>Built for timers that are almost always cancelled: every run arms a run timeout (45 s by
 * default) and drops it microseconds later. Scheduling wakes the timer thread only when the new
 * deadline comes before the one it sleeps until, and cancelling never wakes it (a cancelled head
 * costs at most one early wake-up), so a steady stream of runs wakes it about once per timeout
 * period instead of once or twice per run, as a {@code ScheduledThreadPoolExecutor} would.
 */
public final class SharedTimers implements Timers {
  /** The process-wide instance. */
  public static final SharedTimers INSTANCE = new SharedTimers("stepwise-timer");

  private final String threadName;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  // Guarded by lock.
  private Entry[] heap = new Entry[16];
  private int size;
  private boolean sleeping;
  private boolean sleepingForever;
  private long wakeAt;
  private Thread thread;

  SharedTimers(String threadName) {
    this.threadName = threadName;
  }

  /** A scheduled task; its place in the heap, or -1 once it fired or was cancelled. */
  private final class Entry implements Pending {
    final long deadline;
    final Runnable task;
    int index = -1;

    Entry(long deadline, Runnable task) {
      this.deadline = deadline;
      this.task = task;
    }

    @Override
    public void cancel() {
      lock.lock();
      try {
        if (index >= 0) {
          removeAt(index);
        }
      } finally {
        lock.unlock();
      }
    }
  }

  @Override
  public Pending schedule(Duration delay, Runnable task) {
    Entry entry = new Entry(System.nanoTime() + delay.toNanos(), task);
    lock.lock();
    try {
      if (thread == null) {
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
      }
      add(entry);
      if (sleeping && (sleepingForever || entry.deadline - wakeAt < 0)) {
        changed.signal();
      }
    } finally {
      lock.unlock();
    }
    return entry;
  }

  /** The timer thread, or null while none runs. */
  Thread thread() {
    lock.lock();
    try {
      return thread;
    } finally {
      lock.unlock();
    }
  }

  /** Tasks scheduled and neither fired nor cancelled. */
  int pending() {
    lock.lock();
    try {
      return size;
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    lock.lock();
    try {
      while (true) {
        Entry head = size == 0 ? null : heap[0];
        long now = System.nanoTime();
        if (head != null && head.deadline - now <= 0) {
          removeAt(0);
          Thread.startVirtualThread(head.task);
          continue;
        }
        sleeping = true;
        sleepingForever = head == null;
        wakeAt = head == null ? now : head.deadline;
        try {
          if (head == null) {
            changed.await();
          } else {
            changed.awaitNanos(head.deadline - now);
          }
        } catch (InterruptedException stop) {
          // An interrupt asks the thread to end: exec:java, for one, interrupts a program's leftover
          // threads and waits 15 s for each. With nothing pending, ending loses nothing: the next
          // schedule() starts a new thread. A pending timer belongs to a live run that would hang
          // without it, so then the thread stays.
          if (size == 0) {
            thread = null;
            return;
          }
        } finally {
          sleeping = false;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  private void add(Entry entry) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    entry.index = size;
    heap[size++] = entry;
    siftUp(entry.index);
  }

  private void removeAt(int index) {
    Entry removed = heap[index];
    removed.index = -1;
    Entry last = heap[--size];
    heap[size] = null;
    if (index < size) {
      heap[index] = last;
      last.index = index;
      siftDown(index);
      if (heap[index] == last) {
        siftUp(index);
      }
    }
  }

  private void siftUp(int index) {
    Entry entry = heap[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (heap[parent].deadline - entry.deadline <= 0) {
        break;
      }
      place(heap[parent], index);
      index = parent;
    }
    place(entry, index);
  }

  private void siftDown(int index) {
    Entry entry = heap[index];
    while (true) {
      int child = 2 * index + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && heap[child + 1].deadline - heap[child].deadline < 0) {
        child++;
      }
      if (entry.deadline - heap[child].deadline <= 0) {
        break;
      }
      place(heap[child], index);
      index = child;
    }
    place(entry, index);
  }

  private void place(Entry entry, int index) {
    heap[index] = entry;
    entry.index = index;
  }
}
