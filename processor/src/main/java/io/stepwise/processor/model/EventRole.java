package io.stepwise.processor.model;

/** The role an event type plays in a graph; mirrors {@code io.stepwise.graph.EventKind} by name. */
public enum EventRole {
  START,
  STOP,
  INPUT_REQUIRED,
  HUMAN_RESPONSE,
  INTERNAL
}
