package io.stepwise.store.jdbc;

import io.stepwise.store.StaleRunException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of checkpoint saves: the saves that callers make while a transaction is being
 * committed wait, and are then written together, in one transaction. A commit costs about the
 * same whatever it holds (a disk flush), so one per save capped a store at a few hundred saves a
 * second whatever the number of runs; one per batch lets the batch grow with the load.
 *
 * <p>There is no writer thread: the caller that finds no batch being written writes one itself,
 * then hands the turn to the oldest waiting caller, whose save heads the next batch. So a lone
 * save runs on its caller's thread at once, waits for no timer and no other thread, and the store
 * needs no closing; under load, every caller writes at most one batch, the one holding its save.
 *
 * <p>Each caller returns once the batch holding its save is committed (or refused it): with its
 * save written, with the {@link StaleRunException} of its own save, or, when the batch could not
 * be committed, with {@link FailedBatch}, which every caller of that batch gets.
 */
final class SaveGroupCommit {
  /** Most saves in one transaction: bounds how long a batch holds the database and its callers. */
  static final int MAX_BATCH = 500;

  /** Writes saves in one transaction; see {@link CheckpointWrites#writeAll}. */
  @FunctionalInterface
  interface Writer {
    /**
     * @return for each save, in order, null if it was written, else why not
     * @throws SQLException when nothing was written
     */
    StaleRunException[] write(List<CheckpointSave> saves) throws SQLException;
  }

  /** The transaction holding a save failed; every save in it failed with the same cause. */
  static final class FailedBatch extends SQLException {
    private static final long serialVersionUID = 1L;

    private final int batchSize;

    FailedBatch(Throwable cause, int batchSize) {
      super(cause.getMessage(), cause instanceof SQLException sql ? sql.getSQLState() : null,
          cause instanceof SQLException sql ? sql.getErrorCode() : 0, cause);
      this.batchSize = batchSize;
    }

    /** How many saves the failed transaction held, this one included. */
    int batchSize() {
      return batchSize;
    }
  }

  /** One caller's save, from its call until its batch's outcome reaches it. */
  private static final class Waiting {
    final CheckpointSave save;
    final Condition wakeUp;
    boolean leads; // guarded by lock: it writes the next batch
    boolean done; // guarded by lock
    StaleRunException refused; // guarded by lock
    Throwable failure; // guarded by lock
    int batchSize; // guarded by lock

    Waiting(CheckpointSave save, Condition wakeUp) {
      this.save = save;
      this.wakeUp = wakeUp;
    }
  }

  private final Writer writer;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>(); // guarded by lock
  private boolean writing; // guarded by lock: a caller is writing a batch
  private long batches; // guarded by lock
  private long saves; // guarded by lock

  SaveGroupCommit(Writer writer) {
    this.writer = writer;
  }

  /**
   * Saves in the next batch and returns once it is committed.
   *
   * @throws StaleRunException if the version check of this save failed (the others of its batch
   *     are unaffected)
   * @throws FailedBatch if the batch could not be written (none of it was)
   */
  void save(CheckpointSave save) throws FailedBatch {
    Waiting me;
    List<Waiting> batch;
    lock.lock();
    try {
      me = new Waiting(save, lock.newCondition());
      queue.addLast(me);
      if (writing) {
        // Like a JDBC call, a save is not abandoned halfway when its thread is interrupted.
        while (!me.done && !me.leads) {
          me.wakeUp.awaitUninterruptibly();
        }
        if (me.done) {
          throwIfNotWritten(me);
          return;
        }
      }
      writing = true;
      batch = takeBatch(); // me heads the queue: it was empty, or me is the oldest waiting
    } finally {
      lock.unlock();
    }
    write(batch);
    throwIfNotWritten(me);
  }

  private List<Waiting> takeBatch() {
    List<Waiting> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
    while (!queue.isEmpty() && batch.size() < MAX_BATCH) {
      batch.add(queue.pollFirst());
    }
    return batch;
  }

  /** Writes a batch, tells each of its callers the outcome, and passes the turn on. */
  private void write(List<Waiting> batch) {
    StaleRunException[] refused = null;
    Throwable failure = null;
    try {
      refused = writer.write(batch.stream().map(waiting -> waiting.save).toList());
      if (refused.length != batch.size()) {
        throw new IllegalStateException(refused.length + " outcomes for a batch of " + batch.size() + " saves");
      }
    } catch (Throwable e) { // an Error too: the callers of this batch and the next must not wait forever
      failure = e;
    } finally {
      lock.lock();
      try {
        for (int i = 0; i < batch.size(); i++) {
          Waiting waiting = batch.get(i);
          waiting.done = true;
          waiting.batchSize = batch.size();
          waiting.failure = failure;
          waiting.refused = failure == null ? refused[i] : null;
          waiting.wakeUp.signal();
        }
        batches++;
        saves += batch.size();
        Waiting next = queue.peekFirst();
        if (next == null) {
          writing = false;
        } else {
          next.leads = true;
          next.wakeUp.signal();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /** Throws, on the caller's own thread (so with its own stack trace), what kept its save from being written. */
  private static void throwIfNotWritten(Waiting waiting) throws FailedBatch {
    if (waiting.failure != null) {
      throw new FailedBatch(waiting.failure, waiting.batchSize);
    }
    StaleRunException refused = waiting.refused;
    if (refused != null) {
      throw new StaleRunException(refused.runId(), refused.expectedVersion(), refused.actualVersion());
    }
  }

  /**
   * What the group commit has done and is doing (for tests and measurements).
   *
   * @param batches transactions written so far
   * @param saves the saves they held
   * @param waiting saves waiting for the next batch
   * @param writing whether a batch is being written
   */
  record Progress(long batches, long saves, int waiting, boolean writing) {}

  Progress progress() {
    lock.lock();
    try {
      return new Progress(batches, saves, queue.size(), writing);
    } finally {
      lock.unlock();
    }
  }
}
