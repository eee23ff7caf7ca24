package io.stepwise.graph;

/** Direction of an {@link Edge}. */
public enum EdgeKind {
  CONSUMES,
  PRODUCES
}
