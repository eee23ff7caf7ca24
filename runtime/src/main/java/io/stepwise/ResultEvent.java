package io.stepwise;

/** An untyped stop event carrying one result value, for scripts and quick experiments. */
public record ResultEvent(Object result) implements StopEvent {}
