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
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The body of a run's DBOS workflow, on a worker DBOS handed it to: makes this worker the run's one
 * holder, starts the run or resumes it from its last saved checkpoint, hands it the events sent
 * from outside, passes on a cancel, and records its outcome.
 *
 * <p><b>One driver at a time.</b> DBOS may hand one run to two live workers (see
 * {@link WorkerLeases} for how that happened) and always hands it again after its worker died. So
 * before it runs a step the driver claims the run ({@link RunTables#claim}): it gets it only if no
 * other worker with a live lease holds it. A worker refused stands by — its DBOS execution waits,
 * taking no slot of {@code runsPerWorker} and running no step — until the run has an outcome (which
 * it then returns) or its holder's lease lapses (then it claims the run and resumes it). A holder
 * whose hold was taken (its lease lapsed while it lived) stops its run at its next poll; the
 * store's versions refuse any save it still tries. So a step runs again only when the worker that
 * ran it was dead, or taken for dead.
 *
 * <p><b>Slots.</b> DBOS counts a worker's runs only once their executions start, so right after a
 * poll it can hand out more than {@code runsPerWorker}; the driver's own semaphore keeps the runs
 * driven at once within the limit.
 *
 * <p><b>Events from outside</b> wait in the inbox table until the run is <em>waiting</em>: its last
 * saved checkpoint has status {@code WAITING} and no event was handed over since. Then nothing can
 * change the run but the event handed to it next, so the first checkpoint saved after it holds it,
 * and that save marks it applied in the same transaction. An event is thus in a saved checkpoint or
 * in the inbox, never both and never neither.
 *
 * <p><b>Idle release.</b> A run whose last checkpoint is {@code WAITING}, with nothing handed over
 * since, and that saved nothing for {@code idleRelease}, is asked to let go
 * ({@code WorkflowHandler.release()}; only a run that can do nothing but wait for the outside
 * accepts). One that let go is parked ({@link Parking}): the driver returns without an outcome and
 * frees its slot. An event or cancel that came meanwhile makes it resume the run at once instead.
 * Parking needs no hand-over in flight, so the inbox rule above holds across it.
 */
final class RunDriving<S extends StartEvent, R extends StopEvent> {
  // How often a held run checks the database for a cancel, its hold and, while it waits, for events.
  private static final Duration POLL = Duration.ofMillis(200);
  // How often a run held elsewhere checks for its outcome or a lapsed holder.
  private static final Duration STANDBY_POLL = Duration.ofMillis(500);
  // How often a run is tried again when the database fails before it could be started here.
  private static final int DATABASE_ATTEMPTS = 5;
  // How long a run asked to let go may take to answer (it answers at its next tick, at once).
  private static final Duration RELEASE_ANSWER = Duration.ofSeconds(30);
  // What await returns for a run released from memory (compared by identity): park it.
  private static final Outcome RELEASED = new Outcome(Outcome.Status.CANCELLED, "released from memory");

  private final CompiledWorkflow<S, R> workflow;
  private final PostgresRunStore store;
  private final RunTables tables;
  private final Semaphore slots;
  private final Duration idleRelease; // null: runs are never released
  private final Set<WorkflowHandler<R>> driven = ConcurrentHashMap.newKeySet();
  private volatile WorkerLeases leases; // set at launch, before any run is taken
  private volatile boolean closed;

  RunDriving(CompiledWorkflow<S, R> workflow, PostgresRunStore store, RunTables tables, int runsPerWorker,
      Duration idleRelease) {
    this.workflow = workflow;
    this.idleRelease = idleRelease == null || idleRelease.isZero() ? null : idleRelease;
    this.store = store;
    this.tables = tables;
    this.slots = new Semaphore(runsPerWorker, true);
  }

  void leases(WorkerLeases leases) {
    this.leases = leases;
  }

  /**
   * Drives run {@code runId} to its end, or stands by while another live worker does; returns its
   * encoded {@link Outcome}, or a line saying it was parked (no outcome: see {@link Parking}) when
   * this DBOS workflow, of generation {@code generation}, is done with the run without one.
   */
  String drive(String runId, String startJson, long generation) throws SQLException, InterruptedException {
    int databaseFailures = 0;
    while (true) {
      Optional<Outcome> ended = tables.outcome(runId);
      if (ended.isPresent()) {
        return ended.get().encode(); // ended here before DBOS recorded it, or on the worker that held it
      }
      if (tables.superseded(runId, generation)) {
        return parkedLine(runId, generation); // parked, or woken into a later DBOS workflow that drives it
      }
      if (closed) {
        // The worker closes: write nothing (DBOS would record the run's DBOS workflow as failed).
        // DBOS's shutdown closes its database, then interrupts this thread; the run stays pending
        // under this worker's executor id, whose lease is gone, and another worker requeues it.
        Thread.sleep(Long.MAX_VALUE);
      }
      slots.acquire();
      try {
        OptionalLong epoch = tables.claim(runId, leases.executorId(), leases.timeout(), generation);
        if (epoch.isPresent()) {
          Outcome outcome;
          try {
            outcome = driveHeld(runId, startJson, epoch.getAsLong());
          } catch (SQLException | io.stepwise.store.RunStoreException unreachable) {
            // The database failed before the run was started here (loading or claiming it):
            // nothing ran, so trying again is safe; a database away for long fails the run.
            if (++databaseFailures < DATABASE_ATTEMPTS) {
              slots.release();
              try {
                Thread.sleep(STANDBY_POLL.multipliedBy(2L * databaseFailures));
              } finally {
                slots.acquire();
              }
              continue;
            }
            outcome = cannotDrive(unreachable);
          } catch (RuntimeException broken) {
            outcome = cannotDrive(broken);
          }
          if (outcome == RELEASED) {
            RunTables.Parked parked;
            try {
              parked = tables.park(runId, leases.executorId(), epoch.getAsLong());
            } catch (SQLException unreachable) {
              parked = RunTables.Parked.BUSY; // not parked: the run is taken up again here, below
            }
            if (parked == RunTables.Parked.PARKED) {
              return parkedLine(runId, generation);
            }
            continue; // BUSY: claimed again and resumed at once; LOST: stand by for its new holder
          }
          if (outcome != null && tables.recordOutcome(runId, outcome, leases.executorId(), epoch.getAsLong())) {
            return outcome.encode();
          }
          continue; // the run was taken over meanwhile: stand by for its new holder, or take it back
        }
      } finally {
        slots.release();
      }
      Thread.sleep(STANDBY_POLL);
    }
  }

  /** What a DBOS workflow that leaves its run parked returns: no outcome (nothing reads it but DBOS's journal). */
  private static String parkedLine(String runId, long generation) {
    return "PARKED\n" + Parking.dbosId(runId, generation);
  }

  /**
   * Recorded as the run's failure rather than left to DBOS to record as its own: workers standing
   * by for this run end on the outcome, and result() reports it.
   */
  private Outcome cannotDrive(Exception broken) {
    return new Outcome(Outcome.Status.FAILED, "worker " + leases.executorId() + " could not drive the run: " + broken);
  }

  /** Stops the runs driven here (the worker closes); their holds lapse with its lease, and others resume them. */
  void close() {
    closed = true;
    for (WorkflowHandler<R> run : driven) {
      run.cancel();
    }
  }

  /** Drives the run while this worker holds it; its outcome, or null when the hold was lost. */
  private Outcome driveHeld(String runId, String startJson, long epoch) throws SQLException, InterruptedException {
    Optional<StoredRun> stored = store.load(runId);
    PostgresRunStore.Watch watch = store.watch(runId, stored.map(StoredRun::status).orElse(RunStatus.RUNNING));
    WorkflowHandler<R> run = null;
    try {
      if (stored.isEmpty()) {
        @SuppressWarnings("unchecked") // the start JSON was written from an S by DurableWorkflow.start
        S start = (S) workflow.json().read(startJson);
        try {
          run = workflow.run(start, RunOptions.builder().runStore(store).runId(runId).build());
        } catch (IllegalStateException savedMeanwhile) {
          // A worker that held the run before saved its first checkpoint since: resume that.
          watch = store.watch(runId, RunStatus.RUNNING);
        }
      }
      if (run == null) {
        watch.ignoreNextSave();
        try {
          run = workflow.resume(runId, store);
        } catch (StaleRunException claimedMeanwhile) {
          return null;
        }
      }
      driven.add(run);
      StreamPublisher publisher = null;
      try {
        publisher = StreamPublisher.start(runId, workflow, run.events(),
            json -> tables.publish(runId, json, leases.executorId(), epoch), StreamPublisher.GIVE_UP);
        Outcome outcome = await(runId, run, watch, epoch);
        // Every stream event (or the marker of its drop) is in the table before the outcome is: a
        // reader that saw the outcome has read the whole stream once it read the table up to it.
        long unmarked = publisher.finish(outcome == RELEASED);
        return unmarked == 0 || outcome == null ? outcome : unreadable(runId, outcome, unmarked);
      } catch (SQLException | RuntimeException broken) {
        // The run has started here: never tried again in this process (its step in flight would
        // run twice without a crash); it fails, and says why.
        run.cancel();
        return cannotDrive(broken);
      } finally {
        if (publisher != null) {
          publisher.abandon(); // unless finish() said already: never leave its thread waiting
        }
      }
    } finally {
      if (run != null) {
        driven.remove(run);
      }
      store.unwatch(runId);
    }
  }

  /**
   * The run's outcome, or null when its hold went to another worker meanwhile, or {@link #RELEASED}
   * when it let go from memory at rest.
   */
  private Outcome await(String runId, WorkflowHandler<R> run, PostgresRunStore.Watch watch, long epoch)
      throws SQLException, InterruptedException {
    long lastHanded = 0; // the inbox seq of the last event handed to the run in this process
    long savesAtHandOver = -1; // the run's save count when it was handed; -1: none handed yet
    boolean cancelled = false;
    boolean lost = false;
    boolean released = false;
    CompletableFuture<Boolean> asked = null; // a release asked for and not answered in time
    long restSaves = -1; // the save count when this rest was first seen; -1: not at rest
    long restSince = 0; // System.nanoTime() then, or when the run last refused to let go
    while (true) {
      try {
        R result = run.future().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
        if (released) {
          return null; // cannot be (a run that let go does not finish); written as nothing, never as done
        }
        return lost ? null : finished(result);
      } catch (TimeoutException stillRunning) {
        // go on below
      } catch (ExecutionException ended) {
        if (asked != null && !released) {
          released = answered(asked); // the run ended: its late answer to the release is at hand
        }
        if (released && !lost) {
          return RELEASED; // its run store keeps it as it was: park it
        }
        if (lost || ended.getCause() instanceof StaleRunException) {
          return null; // another worker claimed the run: it drives it now
        }
        return failed(ended.getCause());
      }
      if (lost || released) {
        continue; // cancelled because the hold was lost, or released: wait for it to stop, write nothing
      }
      RunTables.Poll poll;
      try {
        poll = tables.poll(runId, leases.executorId(), epoch);
      } catch (SQLException unreachable) {
        continue; // the database is away for a moment: the run goes on, and its saves say if it stays away
      }
      if (!poll.stillHeld() || closed) {
        lost = true;
        run.cancel();
        continue;
      }
      if (!cancelled && poll.cancelRequested()) {
        cancelled = true;
        run.cancel();
        continue;
      }
      boolean waiting = watch.lastStatus() == RunStatus.WAITING && watch.saves() > savesAtHandOver;
      if (!waiting) {
        restSaves = -1;
      }
      if (waiting) {
        Optional<RunTables.Answer> answer;
        try {
          answer = tables.nextAnswer(runId, lastHanded);
        } catch (SQLException unreachable) {
          continue; // asked again at the next poll
        }
        if (answer.isEmpty() && idleRelease != null && !cancelled) {
          long now = System.nanoTime();
          if (restSaves != watch.saves()) {
            restSaves = watch.saves();
            restSince = now;
          } else if (now - restSince >= idleRelease.toNanos()) {
            if (asked == null) {
              asked = run.release();
            }
            if (answered(asked, RELEASE_ANSWER)) {
              released = true;
              continue;
            }
            if (asked.isDone()) {
              asked = null; // refused: it has a timer, a run timeout or work; ask again after another idle period
            }
            restSince = now;
          }
        }
        if (answer.isPresent()) {
          restSaves = -1;
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

  /** Whether the run let go, by the answer to its release, waited for up to {@code patience}; false if none yet. */
  private static boolean answered(CompletableFuture<Boolean> release, Duration patience) throws InterruptedException {
    try {
      return release.get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException notReleased) {
      return false;
    }
  }

  /** The answer to a release of a run that has ended: it comes with the run's end, at once. */
  private static boolean answered(CompletableFuture<Boolean> release) throws InterruptedException {
    return answered(release, Duration.ofSeconds(5));
  }

  /**
   * The outcome of a run whose stream lost events without a marker in the table: readers took it
   * for whole, so the run fails, saying so and keeping how it ended.
   */
  private static Outcome unreadable(String runId, Outcome ended, long unmarked) {
    return new Outcome(Outcome.Status.FAILED, "Run " + runId + " ended " + ended.status() + ", but " + unmarked
        + " of its stream events could not be written to the stream table, nor a marker saying so, so readers of"
        + " its events missed them without knowing; check the database. How it ended: " + ended.detail());
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
