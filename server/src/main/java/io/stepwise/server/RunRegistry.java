package io.stepwise.server;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The runs the server started: starts them, records every event they publish (database first,
 * then the live log), records how they ended, sends them events, cancels them, and on start-up
 * resumes the runs a previous process left running.
 */
final class RunRegistry {
  private final Map<String, HostedWorkflow<?, ?>> workflows;
  private final HandlerStore store;
  private final RunStore runs;
  private final Clock clock;
  private final Map<String, LiveRun> live = new ConcurrentHashMap<>();
  private volatile boolean abandoned;

  RunRegistry(Map<String, HostedWorkflow<?, ?>> workflows, HandlerStore store, RunStore runs, Clock clock) {
    this.workflows = workflows;
    this.store = store;
    this.runs = runs;
    this.clock = clock;
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

  <S extends StartEvent, R extends StopEvent> LiveRun start(HostedWorkflow<S, R> workflow, String handlerId, S start) {
    store.find(handlerId).ifPresent(existing -> {
      throw new HandlerExistsException("Handler " + handlerId + " already exists (" + existing.status().wire()
          + "); start the run under another handler_id, or leave handler_id out");
    });
    var record = HandlerRecord.started(handlerId, workflow.name(), clock.instant());
    store.insert(record);
    WorkflowHandler<R> handler;
    try {
      handler = workflow.start(start, handlerId, runs);
    } catch (RuntimeException e) {
      store.update(record.ended(HandlerStatus.FAILED, message(e), null, clock.instant()));
      throw e;
    }
    return drive(workflow, handlerId, handler, record, 0);
  }

  private LiveRun drive(HostedWorkflow<?, ?> workflow, String handlerId, WorkflowHandler<?> handler,
      HandlerRecord record, long firstSequence) {
    var run = new LiveRun(handlerId, workflow, handler, new RunLog(firstSequence), new CompletableFuture<>(),
        new AtomicBoolean());
    live.put(handlerId, run);
    Thread.ofVirtual().name("stepwise-server-run-" + handlerId).start(() -> pump(run, record));
    return run;
  }

  /**
   * Records each published event, and how the run ended before its stop event reaches any client
   * (a client that sees the stop event and then asks for the handler finds it ended); the last
   * thing it does is end the log.
   */
  private void pump(LiveRun run, HandlerRecord record) {
    HandlerRecord ended = null;
    boolean recorded = false;
    try {
      var events = run.handler().events().iterator();
      while (events.hasNext()) {
        Event event = events.next();
        RunLog.Entry entry = persist(run, event);
        if (event instanceof StopEvent && !recorded) {
          ended = outcome(run, record);
          record(ended);
          recorded = true;
        }
        run.log().append(entry);
      }
      if (!recorded) {
        ended = outcome(run, record);
      }
    } catch (RuntimeException e) {
      ended = record.ended(HandlerStatus.FAILED, "The server could not record the run: " + message(e), null,
          clock.instant());
      recorded = false;
      if (!abandoned) {
        run.handler().cancel();
      }
    } finally {
      if (ended == null) {
        ended = record.ended(HandlerStatus.FAILED, "The server stopped recording the run", null, clock.instant());
      }
      try {
        if (!recorded) {
          record(ended);
        }
      } finally {
        live.remove(run.handlerId());
        run.log().end();
        run.ended().complete(ended);
      }
    }
  }

  private void record(HandlerRecord ended) {
    if (!abandoned) {
      store.update(ended);
    }
  }

  /** Writes the event to the database under the run's next number; clients get it from the log after. */
  private RunLog.Entry persist(LiveRun run, Event event) {
    Map<String, Object> envelope;
    try {
      envelope = run.workflow().envelopes().envelope(event);
    } catch (RuntimeException e) {
      // A stream-only event without a codec: clients still see that it happened, and why not what.
      envelope = new LinkedHashMap<>();
      envelope.put("value", Map.of("event_type", event.getClass().getName(), "error", message(e)));
      envelope.put("qualified_name", "io.stepwise.server.UnserializableEvent");
      envelope.put("type", "UnserializableEvent");
      envelope.put("types", null);
    }
    String json = JsonTree.write(envelope);
    long sequence = run.log().nextSequence(); // one pump per run: the previous entry is in the log
    if (abandoned) {
      throw new IllegalStateException("the server was closed");
    }
    store.appendEvent(run.handlerId(), sequence, json);
    return new RunLog.Entry(sequence, json, EventEnvelopes.isInternal(envelope));
  }

  private HandlerRecord outcome(LiveRun run, HandlerRecord record) {
    try {
      Object result = run.handler().future().get();
      return record.ended(HandlerStatus.COMPLETED, null, run.workflow().envelopes().envelope((Event) result),
          clock.instant());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      HandlerStatus status = cause instanceof WorkflowCancelledException ? HandlerStatus.CANCELLED
          : HandlerStatus.FAILED;
      return record.ended(status, message(cause), null, clock.instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return record.ended(HandlerStatus.FAILED, "The server was interrupted while the run ended", null,
          clock.instant());
    }
  }

  static String message(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** The handler of a run that is still going, or the reason it cannot take events. */
  LiveRun running(String handlerId) {
    HandlerRecord record = store.find(handlerId).orElseThrow(HandlerNotFoundException::new);
    LiveRun run = live.get(handlerId);
    if (record.status().terminal() || run == null) {
      throw new HandlerCompletedException();
    }
    return run;
  }

  /**
   * Cancels a handler, and with {@code purge} deletes it and its events: the protocol's answer,
   * "cancelled" or "deleted", or empty when there is no such handler (or, without purge, it ended).
   */
  Optional<String> cancel(String handlerId, boolean purge, Duration wait) {
    Optional<HandlerRecord> found = store.find(handlerId);
    if (found.isEmpty() || (!purge && found.get().status().terminal())) {
      return Optional.empty();
    }
    HandlerRecord record = found.get();
    if (!record.status().terminal()) {
      LiveRun run = live.get(handlerId);
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
  }

  /**
   * Resumes the runs that a previous server process left running, from their last checkpoint; a run
   * that cannot be resumed is recorded as failed, with why.
   *
   * @return the ids of the handlers resumed
   */
  List<String> resumeInterrupted() {
    var resumed = new ArrayList<String>();
    for (HandlerRecord record : store.query(Set.of(HandlerStatus.RUNNING), Set.of())) {
      if (live.containsKey(record.handlerId())) {
        continue;
      }
      HostedWorkflow<?, ?> workflow = workflows.get(record.workflowName());
      String why;
      if (workflow == null) {
        why = "workflow '" + record.workflowName() + "' is not served any more";
      } else if (runs == null) {
        why = "the server keeps no run checkpoints";
      } else {
        var stored = runs.load(record.runId());
        if (stored.isEmpty()) {
          why = "the run store has no checkpoint of it";
        } else if (stored.get().status() == RunStatus.FINISHED) {
          why = "its checkpoint says it finished, but its end was not recorded";
        } else {
          try {
            WorkflowHandler<?> handler = workflow.resume(record.runId(), runs);
            drive(workflow, record.handlerId(), handler, record, store.lastSequence(record.runId()) + 1);
            resumed.add(record.handlerId());
            continue;
          } catch (RuntimeException e) {
            why = message(e);
          }
        }
      }
      store.update(record.ended(HandlerStatus.FAILED,
          "The server stopped while the run was in progress, and could not resume it: " + why, null, clock.instant()));
    }
    return resumed;
  }

  /** Forgets every live run without ending it, and records nothing more about them (see WorkflowServer.close). */
  void abandonAll() {
    abandoned = true;
    live.clear();
  }
}
