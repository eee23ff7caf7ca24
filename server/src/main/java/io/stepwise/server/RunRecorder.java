package io.stepwise.server;

import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.WorkflowIdleEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Records what the server's runs publish: one virtual thread per run in memory (its pump) takes
 * each event off the run's stream, stores it (database first, through the group commit), then
 * appends it to the run's live log for its clients; it records how the run ended before the stop
 * event reaches any client, and ends the log. A run released from memory is let go without an end.
 */
final class RunRecorder {
  private final GroupCommit writer;
  private final Clock clock;
  /** The runs in memory, shared with the registry: a pump takes its run out when it stops. */
  private final Map<String, LiveRun> live;
  /** Whether the server was closed: then nothing more is recorded. */
  private final BooleanSupplier abandoned;
  private final AtomicLong releasedCount = new AtomicLong();

  RunRecorder(GroupCommit writer, Clock clock, Map<String, LiveRun> live, BooleanSupplier abandoned) {
    this.writer = writer;
    this.clock = clock;
    this.live = live;
    this.abandoned = abandoned;
  }

  /** How many runs were released from memory so far. */
  long releasedCount() {
    return releasedCount.get();
  }

  /**
   * Holds a run in memory and starts recording what it publishes.
   *
   * @param firstSequence the number of its next event (a resumed run goes on from its stored ones)
   * @param held whether a request waits for its end
   * @param asked the questions a resumed run had published before, which it asks again first
   */
  LiveRun drive(HostedWorkflow<?, ?> workflow, HandlerRecord record, WorkflowHandler<?> handler,
      long firstSequence, boolean held, AskedBefore asked) {
    String handlerId = record.handlerId();
    // A resumed run is no run's first stream: "now" means now for every client of it.
    var run = new LiveRun(handlerId, record.runId(), workflow, handler, new RunLog(firstSequence), firstSequence > 0);
    if (held) {
      run.hold();
    }
    live.put(handlerId, run);
    Thread.ofVirtual().name("stepwise-server-run-" + handlerId).start(() -> pump(run, record, asked));
    return run;
  }

  /**
   * Records each published event, and how the run ended before its stop event reaches any client
   * (a client that sees the stop event and then asks for the handler finds it ended); the last
   * thing it does is end the log.
   *
   * <p>It does not wait for each event's commit: the writer stores the events of all runs that came
   * meanwhile in one transaction and then appends them to their logs, in order. It waits for the
   * stop event's, to record the run's end between its commit and its clients.
   */
  private void pump(LiveRun run, HandlerRecord record, AskedBefore asked) {
    HandlerRecord ended = null;
    boolean recorded = false;
    boolean released = false;
    var writes = new Writes(run.log().firstSequence());
    String finalState = null;
    try {
      var events = run.handler().events().iterator();
      while (events.hasNext()) {
        Event event = events.next();
        if (event instanceof StopEvent && releasedBy(run)) {
          released = true; // its terminal event is the runtime's, not the run's: clients never see it
          continue;
        }
        Map<String, Object> envelope = envelope(run, event);
        String json = JsonTree.write(envelope);
        if (asked.again(json, envelope)) {
          continue; // a resumed run asks its open question again; its clients saw it already
        }
        boolean internal = EventEnvelopes.isInternal(envelope);
        if (event instanceof WorkflowIdleEvent) {
          run.rests(); // the idle release's cue, as in Python
        } else {
          run.touch();
        }
        if (event instanceof StopEvent && !recorded) {
          RunLog.Entry entry = persist(run, writes, json, internal, false);
          writes.awaitAll();
          ended = outcome(run, record);
          record(ended, finalSnapshot(run));
          recorded = true;
          run.log().append(entry);
        } else {
          persist(run, writes, json, internal, true);
        }
      }
      writes.awaitAll();
      if (!recorded) {
        ended = outcome(run, record);
        finalState = finalSnapshot(run);
      }
    } catch (RuntimeException e) {
      ended = record.ended(HandlerStatus.FAILED, "The server could not record the run: " + RunRegistry.message(e),
          null, clock.instant());
      recorded = false;
      if (!abandoned.getAsBoolean()) {
        run.handler().cancel();
      }
    } finally {
      writes.awaitQuietly(); // what was committed reaches the log before it ends
      if (released) {
        live.remove(run.handlerId(), run);
        releasedCount.incrementAndGet();
        run.log().end(true);
        run.gone().complete(true);
        return; // not ended: its handler stays running, in the database only, until an event reloads it
      }
      if (ended == null) {
        ended = record.ended(HandlerStatus.FAILED, "The server stopped recording the run", null, clock.instant());
      }
      try {
        if (!recorded) {
          record(ended, finalState);
        }
      } finally {
        live.remove(run.handlerId(), run);
        run.log().end();
        run.ended().complete(ended);
        run.gone().complete(false);
      }
    }
  }

  /** Records the run's end, with the finished snapshot a later run under its handler id continues from. */
  private void record(HandlerRecord ended, String finalSnapshot) {
    if (!abandoned.getAsBoolean()) {
      committed(writer.submit(HandlerStore.ending(ended, finalSnapshot), () -> {}));
    }
  }

  /** Waits for a write's commit; throws its failure. */
  static void committed(CompletableFuture<Void> write) {
    try {
      write.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The ended run's finished snapshot (its final state and store), or null when it has none. */
  private static String finalSnapshot(LiveRun run) {
    try {
      Snapshot snapshot = run.handler().snapshot();
      return snapshot.isFinished() ? snapshot.toJson() : null;
    } catch (RuntimeException e) {
      return null; // e.g. a state its codec cannot write: the handler cannot be continued, and says so then
    }
  }

  /** Whether the server asked the run to let go, and it did: then the stop event seen is the release's. */
  private static boolean releasedBy(LiveRun run) {
    CompletableFuture<Boolean> answer = run.releaseAnswer();
    if (answer == null) {
      return false;
    }
    try {
      return answer.get(); // the runtime answers right after it ended the stream
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The event's envelope, or for a stream-only event without a codec, what clients may know of it. */
  private static Map<String, Object> envelope(LiveRun run, Event event) {
    Map<String, Object> envelope;
    try {
      envelope = run.workflow().envelopes().envelope(event);
    } catch (RuntimeException e) {
      // A stream-only event without a codec: clients still see that it happened, and why not what.
      envelope = new LinkedHashMap<>();
      envelope.put("value", Map.of("event_type", event.getClass().getName(), "error", RunRegistry.message(e)));
      envelope.put("qualified_name", "io.stepwise.server.UnserializableEvent");
      envelope.put("type", "UnserializableEvent");
      envelope.put("types", null);
    }
    return envelope;
  }

  /**
   * Hands the event to the writer under the run's next number; with {@code toLog} the writer appends
   * it to the run's log once it is committed, else the caller does.
   */
  private RunLog.Entry persist(LiveRun run, Writes writes, String json, boolean internal, boolean toLog) {
    writes.throwIfFailed();
    if (abandoned.getAsBoolean()) {
      throw new IllegalStateException("the server was closed");
    }
    var entry = new RunLog.Entry(writes.next++, json, internal);
    writes.add(writer.submit(HandlerStore.event(run.runId(), entry.sequence(), json),
        toLog ? () -> run.log().append(entry) : () -> {}));
    return entry;
  }

  /** One pump's writes in flight: its next event number, its last write (the writer keeps their order), a failure. */
  private static final class Writes {
    long next;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    private volatile Throwable failure;

    Writes(long first) {
      this.next = first;
    }

    void add(CompletableFuture<Void> write) {
      last = write;
      write.whenComplete((ignored, error) -> {
        if (error != null && failure == null) {
          failure = error;
        }
      });
    }

    /** A write failed: the run cannot go on without its events stored. */
    void throwIfFailed() {
      Throwable f = failure;
      if (f != null) {
        throw f instanceof RuntimeException r ? r : new IllegalStateException(RunRegistry.message(f), f);
      }
    }

    /** Waits until every event handed over is committed and in the log; throws when one could not be. */
    void awaitAll() {
      awaitQuietly();
      throwIfFailed();
    }

    void awaitQuietly() {
      try {
        last.join();
      } catch (RuntimeException e) {
        // Recorded in failure by add; the log ends with what was stored.
      }
    }
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
      return record.ended(status, RunRegistry.message(cause), null, clock.instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return record.ended(HandlerStatus.FAILED, "The server was interrupted while the run ended", null,
          clock.instant());
    }
  }
}
