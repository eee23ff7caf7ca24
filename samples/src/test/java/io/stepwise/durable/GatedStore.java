package io.stepwise.durable;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.InMemoryRunStore;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.StoredRun;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * An in-memory run store whose saves of one status can be held at a gate, or fail: to see what a
 * run does while its store is slow, hung or down.
 */
final class GatedStore implements RunStore {
  enum Mode { PASS, HOLD, FAIL }

  private final InMemoryRunStore stored = new InMemoryRunStore();
  private final RunStatus gated;
  private final Mode mode;
  /** Counted down when a gated save has started. */
  final CountDownLatch entered = new CountDownLatch(1);
  /** Opens the gate for held saves. */
  final CountDownLatch open = new CountDownLatch(1);

  GatedStore(RunStatus gated, Mode mode) {
    this.gated = gated;
    this.mode = mode;
  }

  @Override
  public StoredRun save(Checkpoint checkpoint, long expectedVersion) {
    if (checkpoint.status() == gated) {
      entered.countDown();
      if (mode == Mode.FAIL) {
        throw new RunStoreException("disk full");
      }
      if (mode == Mode.HOLD) {
        try {
          open.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RunStoreException("interrupted while saving");
        }
      }
    }
    return stored.save(checkpoint, expectedVersion);
  }

  @Override
  public Optional<StoredRun> load(String runId) {
    return stored.load(runId);
  }

  @Override
  public List<StoredRun> list(Set<RunStatus> statuses) {
    return stored.list(statuses);
  }

  @Override
  public boolean delete(String runId) {
    return stored.delete(runId);
  }
}
