package io.stepwise.internal.loop;

import io.stepwise.Event;
import io.stepwise.internal.IdTable;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The executions a run's loop considers alive (started, or waiting out a retry delay) by key, and
 * the keys the loop hands out to executions and waits. Keys grow with every start, so start order
 * is key order.
 */
final class InFlight {
  /**
   * An execution the loop considers alive.
   *
   * @param worker the worker slot it holds
   * @param lineage error recoveries the chain of events leading to it went through
   * @param lastError what failed the previous attempt, null on the first
   * @param elapsed time spent in earlier attempts
   */
  record Execution(long id, int step, Event[] events, int attempt, boolean waiting, int worker,
      int lineage, Throwable lastError, Duration elapsed) {
    /** This execution, done waiting out its retry delay. */
    Execution due() {
      return new Execution(id, step, events, attempt, false, worker, lineage, lastError, elapsed);
    }

    /** The next attempt, under a new key so late reports of this one are ignored; it keeps the worker. */
    Execution retry(long key, boolean delayed, Throwable error, Duration elapsedSoFar) {
      return new Execution(key, step, events, attempt + 1, delayed, worker, lineage, error, elapsedSoFar);
    }
  }

  private final IdTable<Execution> byKey = new IdTable<>();
  /** The progress of the executions that did something a re-run must replay; most never do. */
  private final IdTable<ExecutionProgress> progress = new IdTable<>();
  private long nextKey = RunLoop.RUN_TIMER + 1;

  /** A key no execution or wait of this run had before. */
  long newKey() {
    return nextKey++;
  }

  Execution get(long key) {
    return byKey.get(key);
  }

  boolean contains(long key) {
    return byKey.containsKey(key);
  }

  void put(Execution execution) {
    byKey.put(execution.id(), execution);
  }

  /** Keeps an execution that waits out a retry delay, and arms the timer that ends the wait. */
  void waitToRetry(Execution execution, Duration delay, Consumer<? super Command> out) {
    put(execution);
    out.accept(new Command.Schedule(execution.id(), new Tick.RetryDue(execution.id()), delay));
  }

  void remove(long key) {
    byKey.remove(key);
    progress.remove(key);
  }

  /** The progress of execution {@code key}, made on first use. */
  ExecutionProgress progressOf(long key) {
    ExecutionProgress made = progress.get(key);
    if (made == null) {
      made = ExecutionProgress.fresh();
      progress.put(key, made);
    }
    return made;
  }

  /** The progress of execution {@code key}, or null when it did nothing to replay. */
  ExecutionProgress progressIfAny(long key) {
    return progress.get(key);
  }

  /** Gives a resumed execution the progress its snapshot recorded, to replay. */
  void replay(long key, LoopImage.Progress recorded) {
    if (!recorded.isEmpty()) {
      progress.put(key, ExecutionProgress.replaying(recorded));
    }
  }

  /** Every execution, in start order. */
  List<Execution> all() {
    return byKey.valuesByKey();
  }

  void clear() {
    byKey.clear();
    progress.clear();
  }
}
