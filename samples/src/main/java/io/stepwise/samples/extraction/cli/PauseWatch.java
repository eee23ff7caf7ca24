package io.stepwise.samples.extraction.cli;

import io.stepwise.Snapshot;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.StoredRun;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tells when a run's pause is on disk. A run saves its checkpoints off its own thread, so the
 * stream shows a proposed schema a moment before the store holds the run as waiting; a process
 * that exits in between would leave nothing to resume. Given to the run as its checkpoint
 * consumer, which the run calls after each save.
 */
final class PauseWatch implements Consumer<Snapshot> {
  private final Object saved = new Object();
  private long checkpoints;

  @Override
  public void accept(Snapshot snapshot) {
    synchronized (saved) {
      checkpoints++;
      saved.notifyAll();
    }
  }

  /**
   * Waits until {@code store} holds run {@code runId} as waiting, at a version after
   * {@code afterVersion} (the version it was resumed from, 0 for a new run).
   *
   * @throws IllegalStateException if that does not happen within {@code limit}
   */
  StoredRun awaitWaiting(RunStore store, String runId, long afterVersion, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      long seen;
      synchronized (saved) {
        seen = checkpoints;
      }
      Optional<StoredRun> run = store.load(runId);
      if (run.isPresent() && run.get().status() == RunStatus.WAITING && run.get().version() > afterVersion) {
        return run.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("The run store did not record run '" + runId + "' as waiting within "
            + limit.toSeconds() + " s; the run goes on in no process now. Check that the store file is writable, then"
            + " start a new run.");
      }
      synchronized (saved) {
        if (checkpoints == seen) {
          // Bounded, so a save that happened between the load and this wait is seen on the next turn.
          saved.wait(Math.max(1, Math.min(left / 1_000_000, 200)));
        }
      }
    }
  }
}
