package io.stepwise.observe;

/** How a run ended. */
public enum RunOutcome {
  /** A step returned the workflow's stop event; {@code result()} returns it. */
  SUCCEEDED,
  /** A step failed for good (or the run crashed, or its store failed); {@code result()} throws. */
  FAILED,
  /** The run timeout expired. */
  TIMED_OUT,
  /** {@code cancel()} was called, or the parent of a child run ended. */
  CANCELLED,
  /** The run was let go from memory while waiting for events from outside; its store keeps it to resume. */
  RELEASED
}
