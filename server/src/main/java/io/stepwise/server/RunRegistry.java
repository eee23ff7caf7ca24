package io.stepwise.server;

import io.stepwise.Snapshot;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowHandler;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The runs the server started: starts them (their {@link RunRecorder} records every event they
 * publish and how they end), sends them events, releases idle ones from memory and reloads them,
 * cancels them, and on start-up resumes the runs a previous process left running.
 */
final class RunRegistry {
  private final Map<String, HostedWorkflow<?, ?>> workflows;
  private final HandlerStore store;
  private final RunStore runs;
  private final Clock clock;
  private final Map<String, LiveRun> live = new ConcurrentHashMap<>();
  /** Per handler, one thing at a time among sending it an event, releasing it, reloading it, cancelling it. */
  private final HandlerLocks locks = new HandlerLocks();
  /** Released runs that clients stream: completed when the run is in memory again (or has ended). */
  private final Map<String, CompletableFuture<Void>> revivals = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong reloadedCount = new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean abandoned;
  /** Stores every run's events and its handler's start and end, many to a transaction. */
  private final GroupCommit writer;
  /** Run ids for handlers that continue a finished one (their first run has the handler's id). */
  private final HandlerIds runIds = new HandlerIds();
  /** Records what each run in memory publishes, and how it ends. */
  private final RunRecorder recorder;

  RunRegistry(Map<String, HostedWorkflow<?, ?>> workflows, HandlerStore store, RunStore runs, Clock clock) {
    this.workflows = workflows;
    this.store = store;
    this.writer = new GroupCommit(store);
    this.runs = runs;
    this.clock = clock;
    this.recorder = new RunRecorder(writer, clock, live, () -> abandoned);
  }

  /** A request named a handler the server does not have. */
  static final class HandlerNotFoundException extends RuntimeException {
    HandlerNotFoundException() {
      super("Handler not found");
    }
  }

  /** A request needs a running handler, and this one has ended. */
  static final class HandlerCompletedException extends RuntimeException {
    HandlerCompletedException() {
      super("Workflow already completed");
    }
  }

  /** A run was asked to start under the id of a handler that exists. */
  static final class HandlerExistsException extends RuntimeException {
    HandlerExistsException(String message) {
      super(message);
    }
  }

  Optional<HostedWorkflow<?, ?>> workflow(String name) {
    return Optional.ofNullable(workflows.get(name));
  }

  List<String> workflowNames() {
    return workflows.keySet().stream().sorted().toList();
  }

  Optional<HandlerRecord> find(String handlerId) {
    return store.find(handlerId);
  }

  List<HandlerRecord> query(Set<HandlerStatus> statuses, Set<String> names) {
    return store.query(statuses, names);
  }

  LiveRun live(String handlerId) {
    return live.get(handlerId);
  }

  HandlerStore store() {
    return store;
  }

  /** A run cannot start from what the request named to continue: a client error, said why. */
  static final class CannotContinueException extends RuntimeException {
    CannotContinueException(String message) {
      super(message);
    }
  }

  /**
   * Starts a run under {@code handlerId}. When that handler exists and has ended, the new run
   * continues it, as in Python: it starts from the state and store of the handler's last run (its
   * final checkpoint), under the same handler id with a run id of its own, and the handler's
   * previous run (its events and checkpoint) is replaced by it.
   *
   * @param context the snapshot of a finished run to start from (the request's {@code context}), or
   *     null; it wins over a continued handler's own state, as in Python
   * @param held whether a request waits for its end (a {@code POST /run}): it is not released meanwhile
   * @throws HandlerExistsException when the handler exists and is still running
   * @throws CannotContinueException when the handler's last run cannot be continued
   */
  <S extends StartEvent, R extends StopEvent> LiveRun start(HostedWorkflow<S, R> workflow, String handlerId, S start,
      Snapshot context, boolean held) {
    var lock = locks.of(handlerId);
    lock.lock(); // two requests continuing one handler: the second finds it running
    try {
      Optional<HandlerRecord> existing = store.find(handlerId);
      HandlerRecord previous = existing.orElse(null);
      Snapshot from = context;
      String runId = handlerId;
      if (previous != null) {
        if (!previous.status().terminal()) {
          throw new HandlerExistsException("Handler '" + handlerId + "' is already running");
        }
        if (!previous.workflowName().equals(workflow.name())) {
          throw new CannotContinueException("Handler '" + handlerId + "' ran workflow '" + previous.workflowName()
              + "', not '" + workflow.name() + "'; continue it through POST /workflows/" + previous.workflowName()
              + "/run, or start this run under another handler_id");
        }
        if (from == null) {
          from = finalSnapshot(previous);
        }
        runId = runIds.next();
      }
      var record = HandlerRecord.started(handlerId, workflow.name(), runId, clock.instant());
      if (previous == null) {
        // Shares a commit with other runs' writes.
        RunRecorder.committed(writer.submit(HandlerStore.inserting(record), () -> {}));
      } else {
        store.update(record);
      }
      WorkflowHandler<R> handler;
      try {
        handler = workflow.start(start, runId, runs, from);
      } catch (RuntimeException e) {
        store.update(record.ended(HandlerStatus.FAILED, message(e), null, clock.instant()));
        throw e;
      }
      if (previous != null) {
        forgetRun(previous.runId()); // the handler is its new run now; its state went on with it
      }
      return recorder.drive(workflow, record, handler, 0, held, new AskedBefore(List.of()));
    } finally {
      lock.unlock();
    }
  }

  /** The finished snapshot of a handler's last run, which the server recorded when it ended. */
  private Snapshot finalSnapshot(HandlerRecord previous) {
    String cannot = "Handler '" + previous.handlerId() + "' cannot be continued: ";
    var stored = store.finalSnapshot(previous.runId());
    if (stored.isEmpty()) {
      throw new CannotContinueException(cannot + "its run (" + previous.status().wire() + ") left no final state"
          + " (it ended while the server could not take its snapshot); start under another handler_id");
    }
    return Snapshot.fromJson(stored.get());
  }

  /** Deletes a replaced run's events and checkpoint. */
  private void forgetRun(String runId) {
    store.forgetRun(runId);
    if (runs != null) {
      runs.delete(runId);
    }
  }

  static String message(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * Runs {@code action} on the handler's run in memory, reloading it from its run store first when
   * it was released, with no release, reload or cancel of it meanwhile: what a client sends a run
   * is never lost to its release.
   *
   * @throws HandlerNotFoundException when there is no such handler
   * @throws HandlerCompletedException when its run has ended (or could not be reloaded: its handler says why)
   */
  <T> T withRunning(String handlerId, java.util.function.Function<LiveRun, T> action) {
    var lock = locks.of(handlerId);
    lock.lock();
    try {
      LiveRun run = inMemory(handlerId);
      run.busy(); // before the event goes in: the rest it may leave the run in is announced after
      T result = action.apply(run);
      run.touch();
      return result;
    } finally {
      lock.unlock();
    }
  }

  /** The run in memory, reloaded when it was released; call holding the handler's lock. */
  private LiveRun inMemory(String handlerId) {
    LiveRun run = live.get(handlerId);
    if (run != null) {
      return run;
    }
    HandlerRecord record = store.find(handlerId).orElseThrow(HandlerNotFoundException::new);
    if (record.status().terminal() || abandoned) {
      throw new HandlerCompletedException();
    }
    try {
      // Unmarked before it runs again: were this process to die once the run moved on, the next
      // server must resume it at start, not wait for an event that may never come.
      store.clearReleased(handlerId);
      String why = resumeFromStore(record);
      if (why != null) {
        store.update(record.ended(HandlerStatus.FAILED, "The run was released from memory and could not be"
            + " reloaded: " + why, null, clock.instant()));
        throw new HandlerCompletedException();
      }
      reloadedCount.incrementAndGet();
      return live.get(handlerId);
    } finally {
      CompletableFuture<Void> waiting = revivals.remove(handlerId);
      if (waiting != null) {
        waiting.complete(null); // its streaming clients follow the reloaded run (or read how it ended)
      }
    }
  }

  /**
   * Resumes a stored run into memory under its handler; its event numbers go on from the stored ones.
   *
   * @return null when it is in memory, else why it could not be resumed
   */
  private String resumeFromStore(HandlerRecord record) {
    HostedWorkflow<?, ?> workflow = workflows.get(record.workflowName());
    if (workflow == null) {
      return "workflow '" + record.workflowName() + "' is not served any more";
    }
    if (runs == null) {
      return "the server keeps no run checkpoints";
    }
    var stored = runs.load(record.runId());
    if (stored.isEmpty()) {
      return "the run store has no checkpoint of it";
    }
    if (stored.get().status() == RunStatus.FINISHED) {
      return "its checkpoint says it finished, but its end was not recorded";
    }
    try {
      WorkflowHandler<?> handler = workflow.resume(record.runId(), runs);
      var asked = AskedBefore.of(store.events(record.runId(), -1));
      LiveRun run = recorder.drive(workflow, record, handler, store.lastSequence(record.runId()) + 1, false, asked);
      // A run resumed at rest does not announce that rest again (as in Python): taken as resting, it is
      // asked after the idle time, and refuses if it is not.
      run.rests();
      return null;
    } catch (RuntimeException e) {
      return message(e);
    }
  }

  /**
   * Releases a run from memory if it has been idle for {@code idleNanos} and only an event from
   * outside can move it on: its run store keeps it, its handler stays running, and the next event
   * sent to it reloads it.
   *
   * @return whether it was released
   */
  boolean releaseIfIdle(LiveRun run, long idleNanos, Duration wait) {
    var lock = locks.of(run.handlerId());
    if (!lock.tryLock()) {
      return false; // an event is being sent to it, or it is being cancelled: not idle
    }
    try {
      if (live.get(run.handlerId()) != run || run.held() || run.idleNanos(System.nanoTime()) < idleNanos
          || run.handler().isDone() || abandoned) {
        return false;
      }
      var answer = new CompletableFuture<Boolean>();
      run.releaseAnswer(answer);
      try {
        run.handler().release().whenComplete((released, error) -> answer.complete(error == null && released));
      } catch (RuntimeException e) {
        answer.complete(false);
      }
      boolean released = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      if (!released) {
        run.releaseAnswer(null);
        run.busy(); // it has work or a timer: ask again once it announces its next rest
        return false;
      }
      run.gone().get(wait.toMillis(), TimeUnit.MILLISECONDS); // its pump recorded everything and let it go
      store.markReleased(List.of(run.handlerId()), clock.instant());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** The runs held in memory now. */
  java.util.Collection<LiveRun> inMemory() {
    return live.values();
  }

  long releasedCount() {
    return recorder.releasedCount();
  }

  long reloadedCount() {
    return reloadedCount.get();
  }

  /**
   * For a client streaming a released run: completes once the run is in memory again or has ended.
   * Take it before looking whether the run is in memory, so a reload in between is not missed.
   */
  CompletableFuture<Void> revival(String handlerId) {
    return revivals.computeIfAbsent(handlerId, id -> new CompletableFuture<>());
  }

  /** The run ended while a client waited for its reload: no reload will come. */
  void revived(String handlerId) {
    CompletableFuture<Void> waiting = revivals.remove(handlerId);
    if (waiting != null) {
      waiting.complete(null);
    }
  }

  /**
   * Cancels a handler, and with {@code purge} deletes it and its events: the protocol's answer,
   * "cancelled" or "deleted", or empty when there is no such handler (or, without purge, it ended).
   * A released run is reloaded to be cancelled, so it ends as a run in memory would.
   */
  Optional<String> cancel(String handlerId, boolean purge, Duration wait) {
    var lock = locks.of(handlerId);
    lock.lock();
    try {
      Optional<HandlerRecord> found = store.find(handlerId);
      if (found.isEmpty() || (!purge && found.get().status().terminal())) {
        return Optional.empty();
      }
      HandlerRecord record = found.get();
      if (!record.status().terminal()) {
        LiveRun run = null;
        try {
          run = inMemory(handlerId);
        } catch (HandlerCompletedException e) {
          // Could not be reloaded: recorded as cancelled below.
        }
        if (run != null) {
          run.handler().cancel();
          try {
            run.ended().get(wait.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (ExecutionException | TimeoutException e) {
            // Recorded as cancelled below; the run's own thread writes its end when it gets there.
          }
        }
        HandlerRecord now = store.find(handlerId).orElse(record);
        if (!now.status().terminal()) {
          store.update(now.ended(HandlerStatus.CANCELLED, "Cancelled", null, clock.instant()));
        }
      }
      if (purge) {
        boolean deleted = store.delete(handlerId, record.runId());
        if (runs != null && record.runId() != null) {
          runs.delete(record.runId());
        }
        return deleted ? Optional.of("deleted") : Optional.empty();
      }
      return Optional.of("cancelled");
    } finally {
      lock.unlock();
    }
  }

  /**
   * Resumes the runs that a previous server process left running, from their last checkpoint; a run
   * that cannot be resumed is recorded as failed, with why. Runs it had released from memory at
   * rest stay in the database until an event or a cancel reloads them, as they would have there.
   *
   * @return the ids of the handlers resumed
   */
  List<String> resumeInterrupted() {
    var resumed = new ArrayList<String>();
    Set<String> released = store.releasedHandlers();
    for (HandlerRecord record : store.query(Set.of(HandlerStatus.RUNNING), Set.of())) {
      if (live.containsKey(record.handlerId()) || released.contains(record.handlerId())) {
        continue;
      }
      String why = resumeFromStore(record);
      if (why == null) {
        resumed.add(record.handlerId());
        continue;
      }
      store.update(record.ended(HandlerStatus.FAILED,
          "The server stopped while the run was in progress, and could not resume it: " + why, null, clock.instant()));
    }
    return resumed;
  }

  /**
   * Forgets every live run without ending it, and records nothing more about them (see
   * WorkflowServer.close), but which ones it released at rest.
   *
   * @param wait how long the runs at rest may take, together, to let go
   */
  void abandonAll(Duration wait) {
    abandoned = true;
    // A run that only waits for an answer is let go from memory too (its store keeps it for the
    // next server); without this its loop and its pump would stay parked in this JVM for good.
    var answers = new java.util.LinkedHashMap<LiveRun, CompletableFuture<Boolean>>();
    for (LiveRun run : live.values()) {
      var answer = new CompletableFuture<Boolean>();
      run.releaseAnswer(answer);
      answers.put(run, answer);
      try {
        run.handler().release().whenComplete((released, error) -> answer.complete(error == null && released));
      } catch (RuntimeException e) {
        answer.complete(false);
      }
    }
    live.clear();
    markReleased(answers, System.nanoTime() + wait.toNanos());
    revivals.values().forEach(waiting -> waiting.complete(null));
    writer.close(); // what runs handed over before is committed; the database closes after
  }

  /** Marks the runs that let go as released, so the next server leaves them in the database until needed. */
  private void markReleased(Map<LiveRun, CompletableFuture<Boolean>> answers, long deadline) {
    var released = new ArrayList<String>();
    for (var answer : answers.entrySet()) {
      try {
        if (answer.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
            && answer.getKey().gone().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
          released.add(answer.getKey().handlerId());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException | TimeoutException e) {
        // not let go in time: the next server resumes it at start, as after a crash
      }
    }
    store.markReleased(released, clock.instant());
  }

  /** The group commit's transactions and writes so far. */
  long[] eventWrites() {
    return new long[] {writer.batches(), writer.written()};
  }
}
