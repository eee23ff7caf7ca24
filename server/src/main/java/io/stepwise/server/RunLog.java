package io.stepwise.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The events of one run in progress, numbered, for the clients streaming it; each is in the
 * database before it is here. Readers wait for what comes after the number they saw.
 */
final class RunLog {
  /** One event as sent to clients: its number and its envelope's JSON. */
  record Entry(long sequence, String envelopeJson, boolean internal) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<Entry> entries = new ArrayList<>();
  private final long firstSequence;
  private boolean ended;
  private boolean released;

  /** @param firstSequence the number of the first event this log will hold (after a restart, the stored count) */
  RunLog(long firstSequence) {
    this.firstSequence = firstSequence;
  }

  long nextSequence() {
    lock.lock();
    try {
      return firstSequence + entries.size();
    } finally {
      lock.unlock();
    }
  }

  void append(Entry entry) {
    lock.lock();
    try {
      entries.add(entry);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  void end() {
    end(false);
  }

  /** No more events here: the run ended, or ({@code released}) it was released from memory and its next log takes over. */
  void end(boolean released) {
    lock.lock();
    try {
      ended = true;
      this.released = released;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * What a reader gets: events after its number, whether this log has ended after them, and whether
   * it ended because the run was released from memory (its events go on in the log of its reload).
   */
  record Batch(List<Entry> entries, boolean ended, boolean released) {}

  /**
   * The entries numbered above {@code afterSequence}, waiting up to {@code wait} for one when there is
   * none yet; {@code afterSequence} below {@link #firstSequence} is the caller's to serve from the database.
   */
  Batch after(long afterSequence, Duration wait) throws InterruptedException {
    lock.lock();
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      while (true) {
        int from = (int) Math.max(0, afterSequence + 1 - firstSequence);
        if (from < entries.size() || ended) {
          return new Batch(from < entries.size() ? List.copyOf(entries.subList(from, entries.size())) : List.of(),
              ended, released);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return new Batch(List.of(), false, false);
        }
        changed.await(left, TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  long firstSequence() {
    return firstSequence;
  }
}
