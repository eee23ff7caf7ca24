package io.stepwise.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A checkpoint as a store holds it: with the version the store gave it and when it was saved.
 * Pass {@link #version()} back to {@link RunStore#save} to write the next checkpoint of the run.
 *
 * @param checkpoint what was saved
 * @param version 1 for a run's first checkpoint, one more for each later one
 * @param updatedAt when the store saved it
 */
public record StoredRun(Checkpoint checkpoint, long version, Instant updatedAt) {
  public StoredRun {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 1) {
      throw new IllegalArgumentException("A stored run's version starts at 1, was " + version + ".");
    }
  }

  /** The run's id. */
  public String runId() {
    return checkpoint.runId();
  }

  /** Where the run stood at this checkpoint. */
  public RunStatus status() {
    return checkpoint.status();
  }

  /** The snapshot JSON, as it was saved. */
  public String snapshotJson() {
    return checkpoint.snapshotJson();
  }
}
