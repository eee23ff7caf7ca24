package io.stepwise;

/** Terminal event of a run that failed: the step, the exception type and its message. */
public record WorkflowFailedEvent(String step, String errorType, String message) implements StopEvent {}
