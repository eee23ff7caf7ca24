package io.stepwise.store;

/** Where a stored run stands, so that a store can list the runs to resume or answer. */
public enum RunStatus {
  /** Steps are running or queued. */
  RUNNING,
  /** The run waits for input from outside (a human response, an awaited event). */
  WAITING,
  /** The run ended with a result. */
  FINISHED,
  /** The run ended without a result: failed, timed out or cancelled. */
  FAILED
}
