package io.stepwise.internal.loop;

import io.stepwise.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * Step executions blocked in {@code ctx.waitForEvent}, as plain data a snapshot can hold: what
 * each waits for. The match predicate stays with the waiting step.
 */
final class Waiters {
  /**
   * One wait.
   *
   * @param key the loop's key for it, also the key of its timeout timer
   * @param seq the execution's own number for the wait
   */
  record Waiter(long key, long execution, int seq, int step, Class<? extends Event> type, Event waiterEvent,
      Duration timeout) {}

  private final LinkedHashMap<Long, Waiter> byKey = new LinkedHashMap<>(0);
  /**
   * Offers their steps have neither taken nor refused yet, per wait key: a step deciding on an
   * offer may go on at once, so its run is not at rest meanwhile. Made at the first offer: most
   * runs never wait for an event, and a map per run is allocation every run would pay. Kept only
   * for a run that announces its rests ({@link #countOffers}): nothing else asks.
   */
  private HashMap<Long, Integer> unanswered;
  private boolean countsOffers;

  /** Counts offers not yet answered, for {@link #offersAnswered}; set before the first tick. */
  void countOffers(boolean enabled) {
    countsOffers = enabled;
  }

  /**
   * Registers a wait under {@code key}; when {@code announce}, publishes its waiter event and arms
   * its timeout, if any (a replayed wait did both before the cut).
   */
  void start(Tick.WaitStarted wait, long key, int step, boolean announce, Consumer<? super Command> out) {
    byKey.put(key, new Waiter(key, wait.execution(), wait.seq(), step, wait.type(), wait.waiterEvent(),
        announce ? wait.timeout() : Duration.ZERO));
    if (!announce) {
      return;
    }
    if (wait.waiterEvent() != null) {
      out.accept(new Command.Publish(wait.waiterEvent()));
    }
    if (!wait.timeout().isZero()) {
      out.accept(new Command.Schedule(key, new Tick.WaitTimedOut(key, wait.execution(), wait.seq()), wait.timeout()));
    }
  }

  /** The waiting step took an offered event: the wait ends and its timeout is dropped. */
  void matched(Tick.WaitMatched matched, Consumer<? super Command> out) {
    Waiter waiter = remove(matched.execution(), matched.seq());
    if (waiter != null && !waiter.timeout().isZero()) {
      out.accept(new Command.Unschedule(waiter.key()));
    }
  }

  /** A wait's timeout fired: the wait ends and its step is told; returns the wait, or null when it had ended. */
  Waiter timedOut(Tick.WaitTimedOut expired, Consumer<? super Command> out) {
    Waiter waiter = remove(expired.execution(), expired.seq());
    if (waiter != null) {
      out.accept(new Command.WaitExpired(waiter.execution(), waiter.seq(), waiter.type(), waiter.timeout()));
    }
    return waiter;
  }

  /** Ends every wait of an execution that ended, dropping their timeouts. */
  void endAll(long execution, Consumer<? super Command> out) {
    for (Waiter waiter : removeAll(execution)) {
      if (!waiter.timeout().isZero()) {
        out.accept(new Command.Unschedule(waiter.key()));
      }
    }
  }

  /** An event was offered to the wait under {@code key}; its step answers by taking or refusing it. */
  void offered(long key) {
    if (!countsOffers) {
      return;
    }
    if (unanswered == null) {
      unanswered = new HashMap<>();
    }
    unanswered.merge(key, 1, Integer::sum);
  }

  /** The step refused an event offered to its wait {@code seq}; the wait goes on. */
  void refused(Tick.OfferRefused refused) {
    if (unanswered == null) {
      return;
    }
    Waiter waiter = find(refused.execution(), refused.seq());
    if (waiter != null) {
      unanswered.computeIfPresent(waiter.key(), (key, count) -> count > 1 ? count - 1 : null);
    }
  }

  /** Whether every offer to an open wait has been refused (a taken one ends its wait). */
  boolean offersAnswered() {
    return unanswered == null || unanswered.isEmpty();
  }

  /** Whether the execution is blocked in a wait. */
  boolean waits(long execution) {
    for (Waiter waiter : byKey.values()) {
      if (waiter.execution() == execution) {
        return true;
      }
    }
    return false;
  }

  private Waiter find(long execution, int seq) {
    for (Waiter waiter : byKey.values()) {
      if (waiter.execution() == execution && waiter.seq() == seq) {
        return waiter;
      }
    }
    return null;
  }

  private void forget(Waiter waiter) {
    if (unanswered != null) {
      unanswered.remove(waiter.key());
    }
  }

  /** Removes the wait {@code seq} of an execution; null when it is not waiting any more. */
  private Waiter remove(long execution, int seq) {
    for (Iterator<Waiter> it = byKey.values().iterator(); it.hasNext(); ) {
      Waiter waiter = it.next();
      if (waiter.execution() == execution && waiter.seq() == seq) {
        it.remove();
        forget(waiter);
        return waiter;
      }
    }
    return null;
  }

  /** Removes every wait of an execution that ended. */
  private List<Waiter> removeAll(long execution) {
    if (byKey.isEmpty()) {
      return List.of();
    }
    List<Waiter> removed = new ArrayList<>(1);
    for (Iterator<Waiter> it = byKey.values().iterator(); it.hasNext(); ) {
      Waiter waiter = it.next();
      if (waiter.execution() == execution) {
        it.remove();
        forget(waiter);
        removed.add(waiter);
      }
    }
    return removed;
  }

  /** Waits an event could satisfy, oldest first; {@code onlyStep} -1 for every step. */
  List<Waiter> interestedIn(Event event, int onlyStep) {
    if (byKey.isEmpty()) {
      return List.of();
    }
    List<Waiter> found = new ArrayList<>(1);
    for (Waiter waiter : byKey.values()) {
      if (waiter.type().isInstance(event) && (onlyStep < 0 || waiter.step() == onlyStep)) {
        found.add(waiter);
      }
    }
    return found;
  }

  /** Whether the execution is blocked in a wait that has no timeout. */
  boolean waitsForever(long execution) {
    for (Waiter waiter : byKey.values()) {
      if (waiter.execution() == execution && waiter.timeout().isZero()) {
        return true;
      }
    }
    return false;
  }

  /** Every wait, oldest first. */
  Collection<Waiter> all() {
    return List.copyOf(byKey.values());
  }

  void clear() {
    byKey.clear();
    unanswered = null;
  }
}
