package io.stepwise.internal.stream;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

/**
 * The places on a {@link io.stepwise.StreamOverflow#BLOCK} stream: a step takes one before it hands
 * the loop an event to write, and waits while all are taken, until the reader makes room, the
 * stream ends, or the step is interrupted (its cancel and the run's timeout do that). The loop's
 * thread never waits here: what the loop publishes itself is appended even when the stream is
 * full, and only holds the steps back longer.
 *
 * <p>A place is taken from the moment a step is admitted until the reader took its event (or the
 * loop dropped the write), so events on their way to the loop count too and the steps' writes never
 * exceed the capacity. Admission is a compare-and-set; only a step that must wait takes the lock.
 */
final class StreamRoom {
  private final int capacity;
  /** How many counted events the reader has taken (wrapping around, as {@link #appended}). */
  private final IntSupplier read;
  /** Writes admitted so far. */
  private final AtomicLong admitted = new AtomicLong();
  // Written by the thread draining the loop only.
  /** Admitted writes the loop has handled, published or not. */
  private volatile long handled;
  /** Counted events appended to the stream so far; an int that may wrap: only its distance to {@link #read} counts. */
  private volatile int appended;
  private volatile boolean ended;
  /** Steps waiting for room; changed under the lock only. */
  private volatile int waiting;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition roomMade = lock.newCondition();

  StreamRoom(int capacity, IntSupplier read) {
    this.capacity = capacity;
    this.read = read;
  }

  /**
   * Takes a place, waiting for one while the stream is full.
   *
   * @return false when the stream ended: the write is dropped
   */
  boolean admit() throws InterruptedException {
    while (true) {
      if (ended) {
        return false;
      }
      long writes = admitted.get();
      if (used(writes) < capacity) {
        if (admitted.compareAndSet(writes, writes + 1)) {
          return true;
        }
      } else {
        awaitRoom();
      }
    }
  }

  /**
   * The places in use when {@code writes} writes were admitted: events appended and not yet read,
   * plus writes admitted and not yet handled. Reads are counted before appends, and handlings
   * before appends (an admitted event is appended before its handling is counted), so the sum is
   * never less than the truth; a stale {@code writes} only makes the caller's compare-and-set fail.
   */
  private long used(long writes) {
    int taken = read.getAsInt();
    long settled = handled;
    int buffered = appended - taken;
    return buffered + writes - settled;
  }

  private void awaitRoom() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      waiting++;
      try {
        // Whoever makes room after this check sees waiting > 0 and signals under the lock.
        while (!ended && used(admitted.get()) >= capacity) {
          roomMade.await();
        }
      } finally {
        waiting--;
      }
    } finally {
      lock.unlock();
    }
  }

  /** The writer appended a counted event; {@code total} were appended so far. */
  void appended(int total) {
    appended = total;
  }

  /** The loop handled an admitted write: published (its event now holds the place) or dropped. */
  void handled() {
    handled = handled + 1; // one writer
    wakeWriters();
  }

  /** The reader took a counted event. */
  void madeRoom() {
    wakeWriters();
  }

  /** The stream ended, or nobody can ever read it: waiting and later writes are dropped. */
  void end() {
    ended = true;
    wakeWriters();
  }

  private void wakeWriters() {
    if (waiting > 0) {
      lock.lock();
      try {
        roomMade.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
