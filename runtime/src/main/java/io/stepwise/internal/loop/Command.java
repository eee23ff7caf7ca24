package io.stepwise.internal.loop;

import io.stepwise.Event;
import java.time.Duration;
import java.util.List;

/** What {@link RunLoop#reduce} asks its driver to do; the loop itself never acts on the world. */
public sealed interface Command {
  /**
   * Run step {@code step} on these events (one per input) as execution {@code execution};
   * {@code lastError} is what failed the previous attempt, null on the first.
   */
  record StartStep(long execution, int step, Event[] events, int attempt, Throwable lastError)
      implements Command {}

  /** Answer a {@code collectEvents} call: the collected events, or null while some are missing. */
  record Collected(long execution, List<Event> events) implements Command {}

  /** Hand an arrived event to a waiting execution, whose predicate decides whether it matches. */
  record Offer(long execution, int seq, Event event) implements Command {}

  /** Tell a waiting execution that its wait for {@code type} timed out. */
  record WaitExpired(long execution, int seq, Class<? extends Event> type, Duration timeout) implements Command {}

  /** Interrupt an execution; whatever it reports afterwards is ignored. */
  record CancelStep(long execution) implements Command {}

  /** Append an event to the run's stream. */
  record Publish(Event event) implements Command {}

  /** Feed {@code tick} back after {@code delay}; {@code key} identifies the timer. */
  record Schedule(long key, Tick.Timed tick, Duration delay) implements Command {}

  /** Drop the timer scheduled under {@code key}, if it has not fired. */
  record Unschedule(long key) implements Command {}

  /**
   * The run came to rest: feed {@link Tick.IdleCheck} back once every tick queued now has been
   * reduced. Asked at most once until that tick comes.
   */
  record CheckIdle() implements Command {}

  /** Answer snapshot request {@code request} with the loop's data at this cut. */
  record Captured(long request, LoopImage image) implements Command {}

  /**
   * End the run: publish {@code terminal} last, then complete the result with it, or with
   * {@code error} when that is not null. Drop every timer still pending. When {@code keepStored},
   * the run is only let go from memory: its store keeps its last checkpoint as it is, to be resumed.
   */
  record Finish(Event terminal, RuntimeException error, boolean keepStored) implements Command {}
}
