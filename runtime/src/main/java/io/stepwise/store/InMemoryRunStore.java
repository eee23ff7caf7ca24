package io.stepwise.store;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A run store in this process's memory: for tests, and for runs that need resuming within one
 * process (a paused human-in-the-loop run) but not surviving it.
 */
public final class InMemoryRunStore implements RunStore {
  private final ConcurrentMap<String, StoredRun> runs = new ConcurrentHashMap<>();
  private final InstantSource clock;

  /** An empty store stamping saves with the system clock. */
  public InMemoryRunStore() {
    this(InstantSource.system());
  }

  /** An empty store stamping saves with {@code clock}. */
  public InMemoryRunStore(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public StoredRun save(Checkpoint checkpoint, long expectedVersion) {
    RunStoreRules.requireSave(checkpoint, expectedVersion);
    // compute() runs the check and the write atomically for this run id.
    return runs.compute(checkpoint.runId(), (id, current) -> {
      long actual = current == null ? 0 : current.version();
      if (actual != expectedVersion) {
        throw new StaleRunException(id, expectedVersion, actual);
      }
      return new StoredRun(checkpoint, actual + 1, clock.instant());
    });
  }

  @Override
  public Optional<StoredRun> load(String runId) {
    return Optional.ofNullable(runs.get(Checkpoint.requireRunId(runId)));
  }

  @Override
  public List<StoredRun> list(Set<RunStatus> statuses) {
    RunStoreRules.requireStatuses(statuses);
    return runs.values().stream()
        .filter(run -> statuses.contains(run.status()))
        .sorted(RunStoreRules.LISTING_ORDER)
        .toList();
  }

  @Override
  public boolean delete(String runId) {
    return runs.remove(Checkpoint.requireRunId(runId)) != null;
  }
}
