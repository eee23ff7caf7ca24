package io.stepwise;

import io.stepwise.graph.ExecutionTrace;
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
   * Events wait for the reader in a bounded buffer: by default a reader that falls behind by more
   * than {@link RunOptions#DEFAULT_STREAM_CAPACITY} events finds an {@link EventsDropped} marker
   * in place of the oldest ones (see {@link RunOptions.Builder#streamBuffer}).
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
   * Delivers an event from outside to every step that accepts it. When no step of this workflow
   * accepts it, delivers it to the child runs in flight ({@link Context#runChild}) by the same
   * rule, at any depth: to every child whose steps accept it, else to that child's own children.
   *
   * @throws IllegalArgumentException when no step of the workflow, and no child run in flight, accepts the event's type
   * @throws IllegalStateException when the run has already finished
   */
  void sendEvent(Event event);

  /**
   * Delivers an event from outside to the steps of one child run in flight (or grandchild, at any
   * depth), named by the run id of its {@link ChildEvent}s; for a child a resumed run has not
   * resumed yet, the event waits until it is.
   *
   * @throws IllegalArgumentException when no child run with that id is in flight, or its workflow
   *     has no step that accepts the event's type
   * @throws IllegalStateException when this run has already finished
   */
  void sendEventToChild(String childRunId, Event event);

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
   * Once the run has ended (however it ended), the snapshot holds its final state and store and
   * nothing in flight ({@link Snapshot#isFinished()}): a new run continues from it with
   * {@link RunOptions.Builder#continueFrom(Snapshot)}, as Python's {@code run(ctx=Context.from_dict(...))}.
   *
   * @throws IllegalStateException when the run is still queued behind its workflow's
   *     {@code numConcurrentRuns}: it has not started
   */
  Snapshot snapshot();

  /**
   * Cancels the run: publishes {@link WorkflowCancelledEvent}; no-op when already finished. A run
   * queued behind its workflow's {@code numConcurrentRuns} leaves the queue and ends at once.
   */
  void cancel();

  /**
   * Lets the run go from memory when nothing but an event from outside can move it on (no run
   * timeout, nothing queued, no retry pending, every step in flight waiting without a timeout, as a
   * run waiting for a person's answer): its stream ends with {@link WorkflowCancelledEvent},
   * {@link #result()} throws {@link WorkflowCancelledException}, and its run store keeps it as it
   * was, so {@link CompiledWorkflow#resume(String, io.stepwise.store.RunStore)} takes it up again,
   * here or in another process, once its answer comes. A server releases its idle runs so.
   * Otherwise nothing happens.
   *
   * @return completes with true when the run was released, false when it had work, a timer, or had ended
   * @throws IllegalStateException when the run has no run store (releasing it would lose it)
   */
  CompletableFuture<Boolean> release();

  /** Whether the run has ended, by result, failure, timeout or cancellation. */
  boolean isDone();

  /**
   * What the run did so far over its static graph: executions per step, events per edge, failed
   * steps. Draw it with the renderers of {@code io.stepwise.graph} or {@code io.stepwise.drawing}.
   *
   * @throws IllegalStateException when the run was started without {@link RunOptions#withTrace}
   */
  ExecutionTrace trace();
}
