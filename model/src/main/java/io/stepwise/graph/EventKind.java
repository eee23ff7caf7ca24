package io.stepwise.graph;

/** The role an event type plays in a workflow graph. */
public enum EventKind {
  START,
  STOP,
  INPUT_REQUIRED,
  HUMAN_RESPONSE,
  INTERNAL
}
