package io.stepwise.processor.validation;

import java.util.Optional;

/**
 * {@code [Stepwise/StepSignature]}, the step's parameters: one Context at most, and at least one
 * event parameter whose events the graph can name (a concrete event or a sealed interface).
 * Judged one parameter at a time as the reader meets them, so messages keep the parameters' order.
 */
public final class StepParametersRule implements Rule {
  /** How the reader classified one parameter. */
  public enum Kind {
    CONTEXT,
    EVENT,
    /** An event type that is neither concrete nor sealed, without acceptSubtypes. */
    OPEN_EVENT,
    BATCH,
    /** {@code List<E>} with an {@code E} that is neither concrete nor sealed. */
    OPEN_BATCH,
    RESOURCE
  }

  /**
   * One parameter as read.
   *
   * @param contexts how many Context parameters the step has up to and including this one
   */
  public record Param(String name, String typeLabel, Kind kind, int contexts) {}

  @Override
  public String id() {
    return "[Stepwise/StepSignature]";
  }

  /** @param step {@code Step 'x'} */
  public Optional<String> check(String step, Param param) {
    return switch (param.kind()) {
      case CONTEXT -> param.contexts() == 2
          ? Optional.of(message(step + " declares more than one Context parameter. Keep one."))
          : Optional.empty();
      case OPEN_EVENT -> Optional.of(message(step + " parameter '" + param.name() + "' has type "
          + param.typeLabel() + ", which is neither a concrete event nor a sealed interface of events. Accept a"
          + " concrete event type or a sealed interface, or set acceptSubtypes = true."));
      case OPEN_BATCH -> Optional.of(message(step + " parameter '" + param.name() + "' has type "
          + param.typeLabel() + ", whose element is neither a concrete event nor a sealed interface of events."
          + " Collect a concrete event type or a sealed interface."));
      case EVENT, BATCH, RESOURCE -> Optional.empty();
    };
  }

  /**
   * @param events how many event parameters were read
   * @param unreadable whether some event parameter could not be read (already reported)
   */
  public Optional<String> checkCount(String step, int events, boolean unreadable) {
    if (events > 0 || unreadable) {
      return Optional.empty();
    }
    return Optional.of(message(step + " has no event parameter. Add a parameter whose type implements"
        + " io.stepwise.Event."));
  }
}
