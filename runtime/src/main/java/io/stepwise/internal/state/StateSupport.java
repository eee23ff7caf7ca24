package io.stepwise.internal.state;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How a workflow makes and copies its state, from the generated definition.
 *
 * @param type the state type, or null when the workflow has none
 * @param create calls the state type's no-arg constructor
 * @param copy returns an independent copy, or null when the type cannot be copied
 */
public record StateSupport(Class<?> type, Supplier<Object> create, UnaryOperator<Object> copy) {
  /** A workflow without state. */
  public static final StateSupport NONE = new StateSupport(null, () -> null, state -> null);
}
