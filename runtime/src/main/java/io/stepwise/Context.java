package io.stepwise;

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
   * Publishes an event to the run's stream without routing it. Writes made after the run ended,
   * or after this execution was cancelled, are dropped.
   */
  void writeEventToStream(Event event);
}
