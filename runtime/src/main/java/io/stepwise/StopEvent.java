package io.stepwise;

/** An event that ends the run; the first one produced is the run's result. */
public interface StopEvent extends Event {}
