package io.stepwise.dbos;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.WorkflowTimeoutException;
import io.stepwise.store.RunStatus;
import io.stepwise.store.StaleRunException;
import io.stepwise.store.StoredRun;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The body of a run's DBOS workflow, on the worker that holds it: starts the run, or resumes it
 * from its last saved checkpoint when DBOS runs the workflow again (after the worker that held it
 * died), hands it the events sent from outside, passes on a cancel, and records its outcome.
 *
 * <p>Events from outside wait in the inbox table until the run is <em>waiting</em>: its last saved
 * checkpoint has status {@code WAITING} (nothing queued, every execution blocked in a wait, or the
 * run asked for input) and no event was handed over since. Then nothing can change the run but the
 * event handed to it next, so the first checkpoint saved after it holds it, and that save marks it
 * applied in the same transaction. An event is thus in a saved checkpoint or in the inbox, never
 * both and never neither: a resumed run gets again exactly the events its checkpoint lacks.
 */
final class RunDriving<S extends StartEvent, R extends StopEvent> {
  // How often a held run checks the database for a cancel and, while it waits, for events sent to it.
  private static final Duration POLL = Duration.ofMillis(200);

  private final CompiledWorkflow<S, R> workflow;
  private final PostgresRunStore store;
  private final RunTables tables;
  private volatile WorkerLeases leases; // set at launch, before any run is taken

  RunDriving(CompiledWorkflow<S, R> workflow, PostgresRunStore store, RunTables tables) {
    this.workflow = workflow;
    this.store = store;
    this.tables = tables;
  }

  void leases(WorkerLeases leases) {
    this.leases = leases;
  }

  /** Drives run {@code runId} to its end; returns its encoded {@link Outcome}. */
  String drive(String runId, String startJson) throws SQLException, InterruptedException {
    Optional<Outcome> ended = tables.outcome(runId);
    if (ended.isPresent()) {
      return ended.get().encode(); // ended before DBOS recorded the workflow's output
    }
    long losses = leases.losses();
    Optional<StoredRun> stored = store.load(runId);
    PostgresRunStore.Watch watch = store.watch(runId, stored.map(StoredRun::status).orElse(RunStatus.RUNNING));
    try {
      WorkflowHandler<R> run = null;
      if (stored.isEmpty()) {
        @SuppressWarnings("unchecked") // the start JSON was written from an S by DurableWorkflow.start
        S start = (S) workflow.json().read(startJson);
        try {
          run = workflow.run(start, RunOptions.builder().runStore(store).runId(runId).build());
        } catch (IllegalStateException savedMeanwhile) {
          // A worker that held the run before (and lost it) saved its first checkpoint since: resume that.
          watch = store.watch(runId, RunStatus.RUNNING);
        }
      }
      if (run == null) {
        watch.ignoreNextSave();
        run = workflow.resume(runId, store);
      }
      Outcome outcome = await(runId, run, watch, losses);
      if (outcome == null) {
        // This worker's lease was taken: the run is another worker's now. Writing anything more
        // (an outcome, the DBOS workflow's end) could clash with it, so park until the worker closes.
        leases.awaitClose();
        throw new IllegalStateException("Run " + runId + " was taken over by another worker");
      }
      tables.recordOutcome(runId, outcome);
      return outcome.encode();
    } finally {
      store.unwatch(runId);
    }
  }

  /** The run's outcome, or null when this worker lost its lease (and the run) meanwhile. */
  private Outcome await(String runId, WorkflowHandler<R> run, PostgresRunStore.Watch watch, long losses)
      throws SQLException, InterruptedException {
    long lastHanded = 0; // the inbox seq of the last event handed to the run in this process
    long savesAtHandOver = -1; // the run's save count when it was handed; -1: none handed yet
    boolean cancelled = false;
    while (true) {
      try {
        return finished(run.future().get(POLL.toMillis(), TimeUnit.MILLISECONDS));
      } catch (TimeoutException stillRunning) {
        // go on below
      } catch (ExecutionException ended) {
        if (ended.getCause() instanceof StaleRunException) {
          return null; // another worker claimed the run (this one's lease had lapsed): it drives it now
        }
        return failed(ended.getCause());
      }
      if (leases.losses() != losses) {
        run.cancel(); // stops its steps; its saves fail once the new holder claimed the run
        return null;
      }
      if (!cancelled && tables.cancelRequested(runId)) {
        cancelled = true;
        run.cancel();
        continue;
      }
      boolean waiting = watch.lastStatus() == RunStatus.WAITING && watch.saves() > savesAtHandOver;
      if (waiting) {
        Optional<RunTables.Answer> answer = tables.nextAnswer(runId, lastHanded);
        if (answer.isPresent()) {
          Event event = workflow.json().read(answer.get().eventJson());
          lastHanded = answer.get().seq();
          savesAtHandOver = watch.saves();
          watch.markOnNextSave(lastHanded);
          try {
            run.sendEvent(event);
          } catch (IllegalStateException endedMeanwhile) {
            // the run ended between the poll and the hand-over; its outcome is read next
          } catch (IllegalArgumentException refused) {
            // no step accepts it: it changed nothing, so no checkpoint will hold it; let it go
            tables.discard(runId, lastHanded);
            watch.markOnNextSave(0);
            savesAtHandOver = -1;
          }
        }
      }
    }
  }

  private Outcome finished(R result) {
    return new Outcome(Outcome.Status.FINISHED, workflow.json().write(result));
  }

  private static Outcome failed(Throwable failure) {
    if (failure instanceof WorkflowCancelledException) {
      return new Outcome(Outcome.Status.CANCELLED, String.valueOf(failure.getMessage()));
    }
    if (failure instanceof WorkflowTimeoutException) {
      return new Outcome(Outcome.Status.TIMED_OUT, String.valueOf(failure.getMessage()));
    }
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    return new Outcome(Outcome.Status.FAILED, failure.getMessage() + " (" + cause + ")");
  }
}
