package io.stepwise.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of the server's writes: runs hand their events (and their handler's start and end)
 * here, one writer thread applies all that came meanwhile in one transaction, and only then passes
 * each to what waits for it (an event to its run's log, so clients see it). A commit costs
 * milliseconds on a real disk whatever it holds, so one per event capped the server at a few dozen
 * runs a second; one per batch lets the batch grow with the load.
 *
 * <p>Order: writes are committed and handed on in the order they were submitted, so a run's events
 * (one pump each) reach its log in their order, with their numbers, and never before they are
 * durable. A batch that fails is retried one write at a time, so one run's bad write fails that
 * run only.
 */
final class GroupCommit implements AutoCloseable {
  /** Most writes in one transaction: bounds the time a batch holds the database. */
  private static final int MAX_BATCH = 1_000;

  private record Pending(HandlerStore.Write write, Runnable onStored, CompletableFuture<Void> stored) {}

  private final HandlerStore store;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition submitted = lock.newCondition();
  private List<Pending> queue = new ArrayList<>(); // guarded by lock
  private boolean closed; // guarded by lock
  private final Thread thread;
  private volatile long batches;
  private volatile long written;

  GroupCommit(HandlerStore store) {
    this.store = store;
    this.thread = Thread.ofPlatform().daemon().name("stepwise-server-group-commit").unstarted(this::loop);
    thread.start();
  }

  /**
   * Queues a write.
   *
   * @param onStored runs on the writer's thread once the write is committed, before the returned
   *     future completes, in submission order: where an event becomes visible
   * @return completes once the write is committed (exceptionally when it could not be)
   */
  CompletableFuture<Void> submit(HandlerStore.Write write, Runnable onStored) {
    var pending = new Pending(write, onStored, new CompletableFuture<>());
    lock.lock();
    try {
      if (closed) {
        pending.stored().completeExceptionally(new IllegalStateException("the server was closed"));
        return pending.stored();
      }
      queue.add(pending);
      submitted.signal();
    } finally {
      lock.unlock();
    }
    return pending.stored();
  }

  private void loop() {
    while (true) {
      List<Pending> batch;
      lock.lock();
      try {
        while (queue.isEmpty() && !closed) {
          submitted.awaitUninterruptibly();
        }
        if (queue.isEmpty()) {
          return; // closed, and everything submitted before was written
        }
        if (queue.size() <= MAX_BATCH) {
          batch = queue;
          queue = new ArrayList<>();
        } else {
          batch = new ArrayList<>(queue.subList(0, MAX_BATCH));
          queue.subList(0, MAX_BATCH).clear();
        }
      } finally {
        lock.unlock();
      }
      write(batch);
    }
  }

  private void write(List<Pending> batch) {
    try {
      store.write(batch.stream().map(Pending::write).toList());
      batches++;
      written += batch.size();
      batch.forEach(GroupCommit::stored);
    } catch (RuntimeException batchFailed) {
      for (Pending pending : batch) { // find the one that fails; the others are stored
        try {
          store.write(List.of(pending.write()));
          written++;
          stored(pending);
        } catch (RuntimeException e) {
          pending.stored().completeExceptionally(e);
        }
      }
    }
  }

  private static void stored(Pending pending) {
    try {
      pending.onStored().run();
      pending.stored().complete(null);
    } catch (RuntimeException e) {
      pending.stored().completeExceptionally(e);
    }
  }

  /** Transactions committed and writes applied so far (for tests and measurements). */
  long batches() {
    return batches;
  }

  long written() {
    return written;
  }

  /** Commits what was submitted, then stops; later submissions fail. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      submitted.signal();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
