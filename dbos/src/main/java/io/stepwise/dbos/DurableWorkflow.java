package io.stepwise.dbos;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.workflow.Queue;
import dev.dbos.transact.workflow.WorkflowState;
import dev.dbos.transact.workflow.WorkflowStatus;
import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * The runs of one workflow on the workers that share a database: start one, send it events (a
 * human's answer), cancel it, await its result. Every call works from any worker, whichever holds
 * the run.
 *
 * @param <S> the start event type
 * @param <R> the stop event type
 */
public final class DurableWorkflow<S extends StartEvent, R extends StopEvent> {
  private static final Duration RESULT_POLL = Duration.ofMillis(20);
  private static final Duration STATUS_CHECK = Duration.ofSeconds(1);

  private final CompiledWorkflow<S, R> workflow;
  private final DBOS dbos;
  private final RunWorkflow runs;
  private final RunTables tables;
  private final Queue queue;

  DurableWorkflow(CompiledWorkflow<S, R> workflow, DBOS dbos, RunWorkflow runs, RunTables tables, Queue queue) {
    this.workflow = workflow;
    this.dbos = dbos;
    this.runs = runs;
    this.tables = tables;
    this.queue = queue;
  }

  /** Queues a new run under a fresh id and returns the id. */
  public String start(S start) {
    return start(start, "run-" + UUID.randomUUID());
  }

  /**
   * Queues a new run under {@code runId}. Starting the same id again does not start a second run
   * (DBOS workflow ids are unique): the call returns the same id.
   *
   * @throws IllegalArgumentException if {@code runId} contains {@code #wake-}, which names the DBOS
   *     workflows of runs woken from parking
   */
  public String start(S start, String runId) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(runId, "runId");
    if (runId.contains(Parking.WAKE)) {
      throw new IllegalArgumentException("Run id '" + runId + "' contains '" + Parking.WAKE + "', which names the"
          + " DBOS workflows of runs woken after idle release; choose an id without it");
    }
    String startJson = workflow.json().write(start);
    String name = workflow.name();
    dbos.startWorkflow(() -> runs.drive(name, runId, startJson),
        new StartWorkflowOptions(runId).withQueue(queue));
    return runId;
  }

  /**
   * Sends an event to run {@code runId} (a human's answer, an awaited event). It is kept in the
   * database and handed to the run when the run next waits for input from outside, on whichever
   * worker holds it then; a run that ends first never gets it. A run parked by idle release is
   * woken by it: queued again, for any worker to resume.
   *
   * @throws io.stepwise.WorkflowException if the event is not one of the workflow's types (nothing is stored)
   */
  public void send(String runId, Event event) {
    Objects.requireNonNull(runId, "runId");
    String json = workflow.json().write(Objects.requireNonNull(event, "event"));
    try {
      wake(runId, tables.sendWaking(runId, json));
    } catch (SQLException e) {
      throw new IllegalStateException("The event for run " + runId + " could not be stored: " + e.getMessage(), e);
    }
  }

  /**
   * Asks run {@code runId} to stop; the worker that holds it (or takes it next) cancels it. A run
   * parked by idle release is woken for it, and ends {@code CANCELLED}.
   */
  public void cancel(String runId) {
    try {
      wake(Objects.requireNonNull(runId, "runId"), tables.cancelWaking(runId));
    } catch (SQLException e) {
      throw new IllegalStateException("The cancel of run " + runId + " could not be stored: " + e.getMessage(), e);
    }
  }

  /**
   * Waits for run {@code runId} to end and returns its stop event.
   *
   * @throws DurableRunException if it failed, timed out or was cancelled
   * @throws TimeoutException if it did not end within {@code timeout}
   */
  public R result(String runId, Duration timeout) throws TimeoutException, InterruptedException {
    Objects.requireNonNull(runId, "runId");
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextStatusCheck = System.nanoTime();
    while (true) {
      // The outcomes table is written before DBOS records the workflow's output, and polling it is
      // cheaper and quicker than DBOS's own wait for a result (which polls once a second).
      Optional<Outcome> outcome;
      try {
        outcome = tables.outcome(runId);
      } catch (SQLException e) {
        throw new IllegalStateException("The outcome of run " + runId + " could not be read: " + e.getMessage(), e);
      }
      if (outcome.isPresent()) {
        return decode(runId, outcome.get());
      }
      long now = System.nanoTime();
      if (now >= nextStatusCheck) {
        failedWithoutOutcome(runId);
        nextStatusCheck = now + STATUS_CHECK.toNanos();
      }
      if (now >= deadline) {
        throw new TimeoutException("Run " + runId + " of workflow '" + workflow.name() + "' did not end within "
            + timeout);
      }
      Thread.sleep(Math.min(RESULT_POLL.toMillis(), Math.max(1, (deadline - now) / 1_000_000)));
    }
  }

  /**
   * The events of run {@code runId}'s stream, read from the database, so from any process,
   * whichever worker holds the run: from the first, in the order published, ending after the last
   * one once the run has ended (its end itself is {@link #result}). The workflow's own events are
   * there (a question, {@code writeEventToStream}, its stop event); the runtime's own end-of-run
   * events are not. After a worker died, its successor may publish again what was published after
   * the run's last checkpoint (the open question, say), as any resumed run does.
   *
   * @throws IllegalStateException from the stream's iteration if no event came and the run did not
   *     end within {@code timeout} of the previous event
   */
  public java.util.stream.Stream<Event> events(String runId, Duration timeout) {
    Objects.requireNonNull(runId, "runId");
    java.util.Iterator<Event> iterator = new java.util.Iterator<>() {
      private final java.util.ArrayDeque<Event> ready = new java.util.ArrayDeque<>();
      private long lastSeq;
      private boolean ended;

      @Override
      public boolean hasNext() {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
          while (ready.isEmpty() && !ended) {
            boolean endedBefore = tables.outcome(runId).isPresent(); // before the read: nothing is published after it
            for (RunTables.Streamed streamed : tables.streamed(runId, lastSeq, 100)) {
              lastSeq = streamed.seq();
              ready.add(workflow.json().read(streamed.eventJson()));
            }
            if (ready.isEmpty() && endedBefore) {
              ended = true;
            } else if (ready.isEmpty()) {
              if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("Run " + runId + " of workflow '" + workflow.name()
                    + "' published no event and did not end within " + timeout);
              }
              Thread.sleep(RESULT_POLL.toMillis());
            }
          }
        } catch (SQLException e) {
          throw new IllegalStateException("The stream of run " + runId + " could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while reading the stream of run " + runId, e);
        }
        return !ready.isEmpty();
      }

      @Override
      public Event next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException("The stream of run " + runId + " has ended");
        }
        return ready.poll();
      }
    };
    return java.util.stream.StreamSupport.stream(
        java.util.Spliterators.spliteratorUnknownSize(iterator, java.util.Spliterator.ORDERED), false);
  }

  /** Queues the DBOS workflow of the generation {@code woke} names, when the call just woke a parked run. */
  private void wake(String runId, java.util.OptionalLong woke) {
    if (woke.isPresent()) {
      // Should this process die before this, the run stays marked waking and every worker's sweep queues it.
      Parking.queueWake(dbos, runs, queue, workflow.name(), runId, woke.getAsLong());
    }
  }

  /**
   * A run whose DBOS workflow failed (its worker could not drive it) never writes an outcome: say
   * why. The DBOS workflow looked at is the run's current generation's: an earlier one that
   * returned after parking the run is no failure, and a parked run is alive.
   */
  private void failedWithoutOutcome(String runId) {
    long generation;
    try {
      generation = tables.generation(runId);
    } catch (SQLException e) {
      throw new IllegalStateException("The state of run " + runId + " could not be read: " + e.getMessage(), e);
    }
    Optional<WorkflowStatus> status = dbos.getWorkflowStatus(Parking.dbosId(runId, generation));
    if (status.isEmpty() && generation > 0) {
      return; // woken a moment ago: its DBOS workflow is being queued (or will be, by a sweep)
    }
    if (status.isEmpty()) {
      throw new IllegalArgumentException("There is no run " + runId + "; start runs with start(...)");
    }
    WorkflowState state = status.get().status();
    if (state == WorkflowState.ERROR || state == WorkflowState.CANCELLED
        || state == WorkflowState.MAX_RECOVERY_ATTEMPTS_EXCEEDED) {
      throw new DurableRunException(runId, "FAILED", "its DBOS workflow ended " + state + ": " + status.get().error());
    }
  }

  private R decode(String runId, Outcome outcome) {
    if (outcome.status() != Outcome.Status.FINISHED) {
      throw new DurableRunException(runId, outcome.status().name(), outcome.detail());
    }
    @SuppressWarnings("unchecked") // the driver wrote the run's stop event, an R
    R result = (R) workflow.json().read(outcome.detail());
    return result;
  }

  /** The workflow's name. */
  public String name() {
    return workflow.name();
  }
}
