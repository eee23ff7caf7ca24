package io.stepwise.server;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client's place in a run's events: what it has not seen yet, from the database for what came
 * before the run's log in memory (or for a run that ended), then live until the run's stream ends.
 * A run released from memory meanwhile is followed into its reload: the client waits (with
 * heartbeats), then goes on with the reloaded run's events, numbered on from the stored ones.
 */
final class EventCursor {
  /** Where the events go. */
  interface Sink {
    void event(long sequence, String envelopeJson, boolean internal);

    /** Nothing new for the idle interval. */
    void idle();
  }

  private final RunRegistry registry;
  private final HandlerStore store;
  private final String handlerId;
  private final String runId;
  private final List<HandlerStore.StoredEvent> stored; // read once when the run had ended at open; else null
  private long after;

  private EventCursor(RunRegistry registry, String handlerId, String runId, List<HandlerStore.StoredEvent> stored,
      long after) {
    this.registry = registry;
    this.store = registry.store();
    this.handlerId = handlerId;
    this.runId = runId;
    this.stored = stored;
    this.after = after;
  }

  /**
   * @param after the last number the client saw; null for "now": only events published from here on
   * @return empty when there is no such handler
   */
  static Optional<EventCursor> open(RunRegistry registry, String handlerId, Long after) {
    var record = registry.find(handlerId);
    if (record.isEmpty()) {
      return Optional.empty();
    }
    String runId = record.get().runId();
    HandlerStore store = registry.store();
    LiveRun live = registry.live(handlerId);
    // "now" skips what was published before, except for a run's first client: steps run at once,
    // so the client that starts a run and then streams it would otherwise lose its first events.
    boolean first = live != null && live.streamed().compareAndSet(false, true);
    long from = after != null ? after
        : first ? -1 : live != null ? live.log().nextSequence() - 1 : store.lastSequence(runId);
    boolean ended = live == null && record.get().status().terminal();
    List<HandlerStore.StoredEvent> stored = ended ? store.events(runId, from) : null;
    return Optional.of(new EventCursor(registry, handlerId, runId, stored, from));
  }

  /** The run has ended and the client has seen all of it: the protocol answers 204. */
  boolean exhausted() {
    return stored != null && stored.isEmpty();
  }

  void forEach(Duration idle, Sink sink) throws InterruptedException {
    if (stored != null) {
      for (var event : stored) {
        sink.event(event.sequence(), event.envelopeJson(), internal(event.envelopeJson()));
      }
      return;
    }
    while (true) {
      LiveRun live = registry.live(handlerId);
      CompletableFuture<Void> revival = null;
      if (live == null) {
        revival = registry.revival(handlerId); // before looking again: a reload in between completes it
        live = registry.live(handlerId);
      }
      if (live == null) {
        // Not in memory: everything it published is in the database. It ended, or it was released.
        replayStored(Long.MAX_VALUE, sink);
        var record = registry.find(handlerId);
        if (record.isEmpty() || record.get().status().terminal()) {
          registry.revived(handlerId);
          replayStored(Long.MAX_VALUE, sink); // what its end wrote after the first read
          return;
        }
        try {
          revival.get(idle.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          sink.idle();
        } catch (ExecutionException e) {
          return;
        }
        continue;
      }
      if (!follow(live.log(), idle, sink)) {
        return;
      }
    }
  }

  /** Streams a run's log in memory; true when it was released (its reload goes on), false when the run ended. */
  private boolean follow(RunLog log, Duration idle, Sink sink) throws InterruptedException {
    if (after + 1 < log.firstSequence()) {
      replayStored(log.firstSequence(), sink);
    }
    while (true) {
      RunLog.Batch batch = log.after(after, idle);
      for (RunLog.Entry entry : batch.entries()) {
        sink.event(entry.sequence(), entry.envelopeJson(), entry.internal());
        after = entry.sequence();
      }
      if (batch.ended() && batch.entries().isEmpty()) {
        return batch.released();
      }
      if (batch.entries().isEmpty()) {
        sink.idle();
      }
    }
  }

  /** Sends the stored events after the client's place and below {@code before}. */
  private void replayStored(long before, Sink sink) {
    for (var event : store.events(runId, after)) {
      if (event.sequence() >= before) {
        break;
      }
      sink.event(event.sequence(), event.envelopeJson(), internal(event.envelopeJson()));
      after = event.sequence();
    }
  }

  private static boolean internal(String envelopeJson) {
    return EventEnvelopes.isInternal(JsonTree.asObject(JsonTree.parse(envelopeJson)));
  }
}
