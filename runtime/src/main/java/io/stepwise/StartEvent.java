package io.stepwise;

/** The event a run starts with; exactly one step type of a workflow accepts it. */
public interface StartEvent extends Event {}
