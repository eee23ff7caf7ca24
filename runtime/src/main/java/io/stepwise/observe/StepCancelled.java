package io.stepwise.observe;

/** An execution of a step was cancelled while it ran, because its run ended. */
public record StepCancelled(ObservedRun run, String step, long execution, int attempt) {}
