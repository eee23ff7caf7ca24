package io.stepwise.crashtest;

/**
 * A crash-test workflow's result, written as canonical text so that the driver can compare it
 * with the expected one: items in a fixed order, each as often as the run produced it, so a lost
 * or duplicated item shows.
 */
public interface Outcome {
  /** The canonical text of this result. */
  String summary();
}
