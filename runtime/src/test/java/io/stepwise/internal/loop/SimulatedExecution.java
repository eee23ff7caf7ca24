package io.stepwise.internal.loop;

import io.stepwise.Event;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One step execution of a {@link LoopSimulation}: a deterministic body that the simulation
 * advances one call at a time (a send, a stream write, a collect, a wait, the return), in place of
 * a virtual thread. What it has done so far is plain data, so a test can see it.
 */
final class SimulatedExecution {
  /** One thing a step body does that the loop hears about. */
  sealed interface Call {
    record Send(Event event) implements Call {}

    record Write(Event event) implements Call {}

    record Collect(Event event, List<Class<? extends Event>> expected) implements Call {}

    /** Waits for the reply whose id is the question's; {@code timeout} {@link java.time.Duration#ZERO} for none. */
    record Wait(SimulatedFlow.Question question, java.time.Duration timeout) implements Call {}

    record Return(List<Event> emitted) implements Call {}

    record Throw(String message) implements Call {}
  }

  final long key;
  final int step;
  final String stepName;
  final Event[] events;
  final int attempt;
  /** How many calls the body has completed. */
  int done;
  /** The answer of the last collect: null until answered or while the set is incomplete. */
  List<Event> collected;
  boolean collectAnswered;
  /** The reply the body's wait matched, or null. */
  SimulatedFlow.Reply matched;
  /** Whether the body's wait timed out. */
  boolean expired;
  /** Whether the body is blocked in a wait the loop knows about; {@link #seq} numbers it. */
  boolean waiting;
  int seq;
  /** The id of the reply the current wait is for. */
  int awaited;
  /** Events the loop offered to the current wait, not yet looked at. */
  final ArrayDeque<Event> offers = new ArrayDeque<>();
  /** The kinds of calls it made, in order ("sent", "wrote", ...), for grouping cuts by what was in flight. */
  final Set<String> did = new LinkedHashSet<>();

  SimulatedExecution(long key, int step, String stepName, Event[] events, int attempt) {
    this.key = key;
    this.step = step;
    this.stepName = stepName;
    this.events = events;
    this.attempt = attempt;
  }

  /** Whether the body can make progress now: it is not blocked in a wait with nothing offered. */
  boolean runnable() {
    return !waiting || !offers.isEmpty();
  }

  @Override
  public String toString() {
    return "#" + key + " " + stepName + " " + List.of(events) + " attempt " + attempt + " after " + done + " calls"
        + (waiting ? " waiting" : "");
  }
}
