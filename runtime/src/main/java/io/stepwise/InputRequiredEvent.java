package io.stepwise;

/** An event that asks the caller for input; it is published to the stream and may end a path. */
public interface InputRequiredEvent extends Event {}
