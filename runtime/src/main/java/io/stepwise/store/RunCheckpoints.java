package io.stepwise.store;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Saves the checkpoints of the runs this process drives, carrying each run's version from one
 * save to the next, so a caller of a checkpoint hook only says what to save. A run resumed from
 * the store is {@link #adopt adopted} at its stored version; if another process saves the run
 * meanwhile, every later save of it here fails with {@link StaleRunException}.
 */
public final class RunCheckpoints {
  private final RunStore store;
  private final ConcurrentMap<String, Long> versions = new ConcurrentHashMap<>();

  /** Checkpoints written to {@code store}. */
  public RunCheckpoints(RunStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The store written to. */
  public RunStore store() {
    return store;
  }

  /** Continues a run loaded from the store: its next save replaces {@code stored}. */
  public void adopt(StoredRun stored) {
    Objects.requireNonNull(stored, "stored");
    versions.put(stored.runId(), stored.version());
  }

  /**
   * Saves the next checkpoint of its run: the first of a run not {@link #adopt adopted}, or the
   * one after the last this object saved.
   *
   * @throws StaleRunException if another writer saved or deleted the run meanwhile
   */
  public StoredRun save(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint");
    // compute() keeps two saves of one run from racing on the version; other runs go on in parallel.
    StoredRun[] saved = new StoredRun[1];
    versions.compute(checkpoint.runId(), (runId, version) -> {
      saved[0] = store.save(checkpoint, version == null ? 0 : version);
      return saved[0].version();
    });
    return saved[0];
  }

  /** Stops tracking a run (it ended, or was handed to another process); true if it was tracked. */
  public boolean forget(String runId) {
    return versions.remove(Checkpoint.requireRunId(runId)) != null;
  }
}
