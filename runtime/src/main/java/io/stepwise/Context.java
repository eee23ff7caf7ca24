package io.stepwise;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What a step sees of its run. Declare it as a step parameter ({@code Context<?>}, or
 * {@code Context<S>} with the workflow's state type).
 *
 * @param <S> the workflow's state type
 */
public interface Context<S> {
  /** Id of the run this step execution belongs to. */
  String runId();

  /**
   * The run's state. Every run starts from a fresh instance made by the state type's no-arg
   * constructor (or from the state of the run it continues). Read a mutable state inside
   * {@link #editState} when other steps may edit it at the same time.
   *
   * @throws IllegalStateException when no step of the workflow declares {@code Context<MyState>}
   */
  S state();

  /**
   * Edits a mutable state in place. Edits of one run are serialized; one that throws leaves the
   * state as it was (the edit runs on a copy when the generated code can copy the state type)
   * and the exception propagates.
   */
  void editState(Consumer<? super S> edit);

  /**
   * Replaces the state with what {@code update} returns, for immutable state types. Updates are
   * serialized with edits; one that throws or returns null leaves the state unchanged.
   *
   * @return the new state
   */
  S updateState(UnaryOperator<S> update);

  /** The run's key-value store. */
  Store store();

  /**
   * Routes an event to every step that accepts it, right away, while this step goes on.
   *
   * @throws IllegalStateException when the step did not declare that it produces the event's type
   */
  void sendEvent(Event event);

  /**
   * Routes an event to one step only.
   *
   * @throws IllegalStateException when the step did not declare that it produces the event's type
   * @throws IllegalArgumentException when the target step does not exist or does not accept it
   */
  void sendEvent(Event event, String step);

  /**
   * Buffers {@code event} for this step and, once every type of {@code expected} has arrived (as
   * often as it is listed), returns the buffered events in {@code expected} order, FIFO within a
   * type, and removes them from the buffer. Until then returns empty: the step usually returns
   * null. An empty {@code expected} returns an empty list at once.
   *
   * @throws IllegalArgumentException when {@code event} is of none of the expected types
   */
  Optional<List<Event>> collectEvents(Event event, List<? extends Class<? extends Event>> expected);

  /**
   * Like {@link #collectEvents(Event, List)}, but only an event that {@code filter} accepts is
   * buffered: for one it refuses this returns empty at once, buffers nothing and leaves the buffer
   * as it was (the event was routed to every step that accepts it all the same; it is only not
   * collected). Events buffered earlier are not tested again. The filter runs on this step's
   * thread; it should look only at the event, since an execution that runs again after a resume
   * tests it again.
   *
   * @throws IllegalArgumentException when {@code event} is of none of the expected types (whatever
   *     the filter says)
   */
  Optional<List<Event>> collectEvents(Event event, List<? extends Class<? extends Event>> expected,
      Predicate<? super Event> filter);

  /**
   * Publishes {@code waiterEvent} to the stream (unless null), then blocks this step's thread
   * until an event of {@code type} that satisfies {@code match} arrives, from a step or from
   * {@link WorkflowHandler#sendEvent}. The event is still routed to the steps that accept it.
   *
   * @param timeout how long to wait; {@link Duration#ZERO} waits until the run ends
   * @throws WaitTimeoutException when no matching event arrived in time
   */
  <E extends Event> E waitForEvent(
      Class<E> type, Event waiterEvent, Predicate<? super E> match, Duration timeout);

  /**
   * Publishes an event to the run's stream without routing it. Writes made after the run ended,
   * or after this execution was cancelled, are dropped. When the stream's buffer is full (see
   * {@link RunOptions.Builder#streamBuffer}), a {@link StreamOverflow#DROP_OLDEST} stream drops
   * its oldest unread event and this call returns at once; on a {@link StreamOverflow#BLOCK}
   * stream this call waits until the reader makes room.
   *
   * @throws WorkflowCancelledException when this execution is cancelled (the run is cancelled,
   *     times out or stops, or the step times out) while it waits for room
   */
  void writeEventToStream(Event event);

  /** Which attempt this execution is, and what failed the previous one. */
  RetryInfo retryInfo();

  /**
   * Runs {@code child} as a child of this step and returns its result; blocks this step's thread
   * meanwhile. Every event of the child's stream, its terminal event included, appears on this
   * run's stream wrapped in a {@link ChildEvent}. Cancelling this execution (the run is cancelled,
   * times out, or stops, or the step times out) cancels the child.
   *
   * @throws WorkflowFailedException when the child fails; its cause is the child step's exception.
   *     Like any exception of the step, it is retried by the step's policy and reaches its
   *     {@code @CatchError} handler
   * @throws WorkflowTimeoutException when the child's own timeout ends it
   * @throws WorkflowCancelledException when this execution, and so the child, was cancelled
   */
  <CS extends StartEvent, CR extends StopEvent> CR runChild(CompiledWorkflow<CS, CR> child, CS start);
}
