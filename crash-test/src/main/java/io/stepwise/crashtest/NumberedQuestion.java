package io.stepwise.crashtest;

/** A question a crash-test workflow asks, numbered, so that a worker can tell which one the stream shows. */
public interface NumberedQuestion {
  /** The question's number; the driver picks answers by it. */
  int n();
}
