package io.stepwise.observe;

import java.util.Objects;

/**
 * The run an observer call is about: its workflow and id. One object per run, and equal only to
 * itself, so an observer may key what it keeps per run by it even when two live runs share a
 * caller-chosen run id.
 */
public final class ObservedRun {
  private final String workflow;
  private final String runId;
  private final boolean resumed;

  /**
   * @param resumed whether the run resumed from a snapshot rather than starting afresh
   */
  public ObservedRun(String workflow, String runId, boolean resumed) {
    this.workflow = Objects.requireNonNull(workflow, "workflow");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.resumed = resumed;
  }

  /** The workflow's name. */
  public String workflow() {
    return workflow;
  }

  /** The run's id. */
  public String runId() {
    return runId;
  }

  /** Whether the run resumed from a snapshot (or a run store) rather than starting with a start event. */
  public boolean resumed() {
    return resumed;
  }

  @Override
  public String toString() {
    return "run " + runId + " of workflow '" + workflow + "'" + (resumed ? " (resumed)" : "");
  }
}
