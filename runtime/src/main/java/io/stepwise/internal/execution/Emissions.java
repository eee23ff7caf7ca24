package io.stepwise.internal.execution;

import io.stepwise.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns what a step method returned into the events it emits, in order. */
final class Emissions {
  private Emissions() {}

  /**
   * Null, an empty {@code Optional} and {@code void} emit nothing; an event emits itself; an
   * {@code Optional} its value; a {@code List} each element in order.
   *
   * @throws IllegalStateException for anything else, naming the step
   */
  static List<Event> of(String step, Object returned) {
    if (returned == null) {
      return List.of();
    }
    if (returned instanceof Event event) {
      return List.of(event);
    }
    if (returned instanceof Optional<?> optional) {
      return optional.isEmpty() ? List.of() : of(step, optional.get());
    }
    if (returned instanceof List<?> list) {
      List<Event> events = new ArrayList<>(list.size());
      for (Object element : list) {
        if (!(element instanceof Event event)) {
          throw notAnEvent(step, element);
        }
        events.add(event);
      }
      return events;
    }
    throw notAnEvent(step, returned);
  }

  private static IllegalStateException notAnEvent(String step, Object value) {
    return new IllegalStateException("Step '" + step + "' returned "
        + (value == null ? "a null list element" : value.getClass().getName())
        + ", which is not an event");
  }
}
