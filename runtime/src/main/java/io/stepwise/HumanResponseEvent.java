package io.stepwise;

/** An event the caller sends into a run, usually answering an {@link InputRequiredEvent}. */
public interface HumanResponseEvent extends Event {}
