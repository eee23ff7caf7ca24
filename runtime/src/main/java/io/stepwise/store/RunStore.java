package io.stepwise.store;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where runs keep their checkpoints, so that a run survives its process. Each run is one record,
 * replaced by every save; a save names the version it replaces, so two processes driving the same
 * run cannot silently overwrite each other (optimistic concurrency). Implementations are
 * thread-safe.
 */
public interface RunStore {
  /**
   * Saves a checkpoint of a run, replacing the stored one.
   *
   * @param checkpoint what to save
   * @param expectedVersion the version this writer last saved or loaded, 0 for a run the store
   *     does not hold yet
   * @return the saved record, whose version is {@code expectedVersion + 1}
   * @throws StaleRunException if the store holds another version (nothing is written)
   * @throws RunStoreException if the store cannot be written
   */
  StoredRun save(Checkpoint checkpoint, long expectedVersion);

  /**
   * The run's latest checkpoint, or empty when the store has none.
   *
   * @throws RunStoreException if the store cannot be read or the record is corrupt (the record
   *     is left as it is)
   */
  Optional<StoredRun> load(String runId);

  /** The runs whose status is one of {@code statuses}, oldest update first (then by run id). */
  List<StoredRun> list(Set<RunStatus> statuses);

  /** Every stored run, oldest update first (then by run id). */
  default List<StoredRun> list() {
    return list(EnumSet.allOf(RunStatus.class));
  }

  /** Removes a run; true if the store held it. */
  boolean delete(String runId);

}
