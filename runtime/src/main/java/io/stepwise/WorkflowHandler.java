package io.stepwise;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A running (or finished) workflow run: its result, its event stream, and the means to send
 * events into it or cancel it.
 */
public interface WorkflowHandler<R extends StopEvent> {
  /** Unique id of this run. */
  String runId();

  /**
   * The run's stream: events steps wrote with {@link Context#writeEventToStream}, input-required
   * events, and exactly one terminal event, after which the stream ends. Consumable once.
   *
   * @throws IllegalStateException when called a second time
   */
  Stream<Event> events();

  /**
   * Blocks until the run ends and returns its stop event.
   *
   * @throws WorkflowFailedException when a step failed (the cause is the step's exception)
   * @throws WorkflowTimeoutException when the run timed out
   * @throws WorkflowCancelledException when the run was cancelled
   */
  R result();

  /** The result as a future, completed exceptionally with the exceptions of {@link #result()}. */
  CompletableFuture<R> future();

  /**
   * Delivers an event from outside to every step that accepts it.
   *
   * @throws IllegalArgumentException when no step of the workflow accepts the event's type
   * @throws IllegalStateException when the run has already finished
   */
  void sendEvent(Event event);

  /**
   * Delivers an event from outside to one step only.
   *
   * @throws IllegalArgumentException when the step does not exist or does not accept the event
   * @throws IllegalStateException when the run has already finished
   */
  void sendEvent(Event event, String step);

  /**
   * A consistent cut of the run, taken between two steps of its control loop; the run goes on
   * undisturbed. Resume it with {@link CompiledWorkflow#resume(Snapshot)}, here or in another process.
   *
   * @throws IllegalStateException when the run has already finished
   */
  Snapshot snapshot();

  /** Cancels the run: publishes {@link WorkflowCancelledEvent}; no-op when already finished. */
  void cancel();

  /** Whether the run has ended, by result, failure, timeout or cancellation. */
  boolean isDone();
}
