package io.stepwise.spi;

import io.stepwise.Event;
import java.util.Objects;
import java.util.Set;

/**
 * One event parameter of a step.
 *
 * @param declared the parameter's declared type (a concrete event, or a sealed interface); for a
 *     fan-in, the element type {@code E} of its {@code List<E>}
 * @param accepted the event types routed to it: the declared type itself, or every concrete
 *     permitted subtype of a sealed interface, resolved at compile time
 * @param fanOut for a fan-in ({@code List<E>}), the index of the step whose returned list counts its
 *     batches: each execution of that step opens one batch of as many members as the list had;
 *     -1 for an ordinary parameter
 */
public record EventInput(Class<? extends Event> declared, Set<Class<? extends Event>> accepted, int fanOut) {
  public EventInput {
    Objects.requireNonNull(declared, "declared");
    accepted = Set.copyOf(accepted);
    if (fanOut < -1) {
      throw new IllegalArgumentException("fanOut must be a step index or -1, was " + fanOut);
    }
  }

  /** An ordinary parameter: one event per execution. */
  public EventInput(Class<? extends Event> declared, Set<Class<? extends Event>> accepted) {
    this(declared, accepted, -1);
  }

  /** An input that accepts exactly its declared type. */
  public static EventInput of(Class<? extends Event> type) {
    return new EventInput(type, Set.of(type));
  }

  /** A fan-in's {@code List<E>}, filled by the batches of step {@code fanOut}. */
  public static EventInput batch(Class<? extends Event> declared, Set<Class<? extends Event>> accepted, int fanOut) {
    if (fanOut < 0) {
      throw new IllegalArgumentException("a fan-in needs the index of its fan-out step, was " + fanOut);
    }
    return new EventInput(declared, accepted, fanOut);
  }

  /** Whether this is a fan-in's {@code List<E>}. */
  public boolean isBatch() {
    return fanOut >= 0;
  }
}
