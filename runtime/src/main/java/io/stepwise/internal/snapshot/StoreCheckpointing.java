package io.stepwise.internal.snapshot;

import io.stepwise.Snapshot;
import io.stepwise.internal.loop.LoopImage;
import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunCheckpoints;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.StoredRun;
import java.util.function.Consumer;

/**
 * A run's checkpoint consumer when it has a {@link RunStore}: saves each checkpoint with the
 * run's status, then hands it to the caller's own consumer, and saves the final status when the
 * run ends.
 */
public final class StoreCheckpointing implements Consumer<Snapshot> {

  private final String runId;
  private final RunCheckpoints writer;
  private final Consumer<Snapshot> also;
  private volatile Checkpoint last; // null until a checkpoint was saved or resumed from

  /**
   * @param resumedFrom the stored checkpoint a resumed run continues, or null for a new run
   * @param also the caller's own checkpoint consumer, or null
   */
  public StoreCheckpointing(String runId, RunStore store, StoredRun resumedFrom, Consumer<Snapshot> also) {
    this.runId = runId;
    this.writer = new RunCheckpoints(store);
    this.also = also;
    if (resumedFrom != null) {
      writer.adopt(resumedFrom);
      last = resumedFrom.checkpoint();
    }
  }

  @Override
  public void accept(Snapshot snapshot) {
    try {
      Checkpoint checkpoint = new Checkpoint(snapshot.runId(), snapshot.workflow(), snapshot.graphHash(),
          statusOf(snapshot), snapshot.toJson());
      last = checkpoint;
      writer.save(checkpoint);
    } finally {
      if (also != null) {
        also.accept(snapshot);
      }
    }
  }

  /**
   * The run ended: its record keeps the last checkpoint with the final status. Called after the
   * last checkpoint was handed over and before the run's result completes, so a caller of
   * {@code result()} finds the final status stored.
   *
   * @throws io.stepwise.store.RunStoreException when the store did not take it
   */
  void saveFinalStatus(boolean finished) {
    Checkpoint checkpoint = last;
    if (checkpoint == null) {
      return; // no step completed: there is nothing to resume, and nothing was stored
    }
    writer.save(new Checkpoint(checkpoint.runId(), checkpoint.workflow(), checkpoint.graphHash(),
        finished ? RunStatus.FINISHED : RunStatus.FAILED, checkpoint.snapshotJson()));
  }

  /**
   * Waiting: nothing can happen without an event from outside, because nothing is queued and
   * every execution in flight blocks in a wait (or none is in flight: the run asked for input).
   */
  static RunStatus statusOf(Snapshot snapshot) {
    RunImage image = Snapshots.image(snapshot);
    if (image == null) {
      return RunStatus.RUNNING;
    }
    LoopImage loop = image.loop();
    boolean queued = loop.steps().stream().anyMatch(step -> !step.queued().isEmpty());
    boolean retrying = loop.executions().stream().anyMatch(execution -> execution.retryIn() != null);
    boolean allWait = loop.waiters().size() >= loop.executions().size();
    return !queued && !retrying && allWait ? RunStatus.WAITING : RunStatus.RUNNING;
  }
}
