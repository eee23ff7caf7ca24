package io.stepwise.spi;

import io.stepwise.Event;
import java.util.Objects;
import java.util.Set;

/**
 * One event parameter of a step.
 *
 * @param declared the parameter's declared type (a concrete event, or a sealed interface)
 * @param accepted the event types routed to it: the declared type itself, or every concrete
 *     permitted subtype of a sealed interface, resolved at compile time
 */
public record EventInput(Class<? extends Event> declared, Set<Class<? extends Event>> accepted) {
  public EventInput {
    Objects.requireNonNull(declared, "declared");
    accepted = Set.copyOf(accepted);
  }

  /** An input that accepts exactly its declared type. */
  public static EventInput of(Class<? extends Event> type) {
    return new EventInput(type, Set.of(type));
  }
}
