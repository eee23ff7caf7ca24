package io.stepwise;

/** Terminal event of a run that its caller cancelled. */
public record WorkflowCancelledEvent() implements StopEvent {}
