package io.stepwise.dbos;

import io.stepwise.WorkflowException;

/** A durable run ended without a result: it failed, timed out or was cancelled, on whichever worker held it. */
public final class DurableRunException extends WorkflowException {
  private final String runId;
  private final String status;

  DurableRunException(String runId, String status, String message) {
    super("Run " + runId + " " + status.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + message);
    this.runId = runId;
    this.status = status;
  }

  /** The run's id. */
  public String runId() {
    return runId;
  }

  /** How it ended: {@code FAILED}, {@code TIMED_OUT} or {@code CANCELLED}. */
  public String status() {
    return status;
  }
}
