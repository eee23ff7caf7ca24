package io.stepwise.processor.model;

/** How a step hands back its events (possibly inside a CompletionStage, see {@link StepModel#async()}). */
public enum ReturnShape {
  EVENT,
  OPTIONAL,
  LIST,
  VOID
}
