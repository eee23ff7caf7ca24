package io.stepwise.spi;

import io.stepwise.Event;
import java.util.List;

/** What generated dispatch passes to a fan-in's {@code List<E>} parameter. */
public final class Batch {
  private Batch() {}

  /**
   * The members of one complete batch, in arrival order, as an unmodifiable list.
   *
   * @param <E> the parameter's element type; routing delivered only events of it, so the cast holds
   */
  @SuppressWarnings("unchecked")
  public static <E extends Event> List<E> of(Event[] members) {
    return (List<E>) List.of(members);
  }
}
