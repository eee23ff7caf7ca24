package io.stepwise.processor.validation;

import java.util.Optional;

/**
 * {@code [Stepwise/StepSignature]}, what a step produces: its return type and {@code emits} must
 * name events the graph can follow.
 */
public final class StepOutputsRule implements Rule {
  /** What the reader found in a step's return type. */
  public enum Returned {
    /** An event, a sealed interface of events, or void, possibly wrapped: nothing to say. */
    READABLE,
    /** Not an event at all. */
    NOT_AN_EVENT,
    /** An event type that is neither concrete nor sealed. */
    OPEN_EVENT
  }

  @Override
  public String id() {
    return "[Stepwise/StepSignature]";
  }

  /** @param step {@code Step 'x'}; @param emitted a type listed in {@code emits} */
  public Optional<String> checkEmits(String step, String emitted, boolean isEvent) {
    return isEvent ? Optional.empty() : Optional.of(message(step + " emits " + emitted
        + ", which is not an event. List only types that implement io.stepwise.Event in emits."));
  }

  /**
   * @param written the return type as written
   * @param hasEmits whether {@code emits} names the events an open return type stands for
   */
  public Optional<String> checkReturn(String step, String written, Returned returned, boolean hasEmits) {
    return switch (returned) {
      case READABLE -> Optional.empty();
      case NOT_AN_EVENT -> Optional.of(message(step + " returns " + written + ", which is not an event. Return an"
          + " event, a sealed interface of events, Optional<E>, List<E>, void, or one of these in a CompletionStage."));
      case OPEN_EVENT -> hasEmits ? Optional.empty() : Optional.of(message(step + " returns " + written
          + ", which is neither a concrete event nor a sealed interface of events. Return a concrete event type or"
          + " a sealed interface, or list the events in emits."));
    };
  }
}
