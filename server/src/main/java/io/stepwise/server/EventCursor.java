package io.stepwise.server;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A client's place in a run's events: what it has not seen yet, from the database for what came
 * before this process's log (or for a run that ended), then live until the run's stream ends.
 */
final class EventCursor {
  /** Where the events go. */
  interface Sink {
    void event(long sequence, String envelopeJson, boolean internal);

    /** Nothing new for the idle interval. */
    void idle();
  }

  private final HandlerStore store;
  private final String runId;
  private final LiveRun live;
  private final List<HandlerStore.StoredEvent> stored; // read once when the run has ended
  private long after;

  private EventCursor(HandlerStore store, String runId, LiveRun live, List<HandlerStore.StoredEvent> stored, long after) {
    this.store = store;
    this.runId = runId;
    this.live = live;
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
    List<HandlerStore.StoredEvent> stored = live == null ? store.events(runId, from) : null;
    return Optional.of(new EventCursor(store, runId, live, stored, from));
  }

  /** The run has ended and the client has seen all of it: the protocol answers 204. */
  boolean exhausted() {
    return live == null && stored.isEmpty();
  }

  void forEach(Duration idle, Sink sink) throws InterruptedException {
    if (live == null) {
      for (var event : stored) {
        sink.event(event.sequence(), event.envelopeJson(), internal(event.envelopeJson()));
      }
      return;
    }
    RunLog log = live.log();
    if (after + 1 < log.firstSequence()) {
      for (var event : store.events(runId, after)) {
        if (event.sequence() >= log.firstSequence()) {
          break;
        }
        sink.event(event.sequence(), event.envelopeJson(), internal(event.envelopeJson()));
        after = event.sequence();
      }
    }
    while (true) {
      RunLog.Batch batch = log.after(after, idle);
      for (RunLog.Entry entry : batch.entries()) {
        sink.event(entry.sequence(), entry.envelopeJson(), entry.internal());
        after = entry.sequence();
      }
      if (batch.ended() && batch.entries().isEmpty()) {
        return;
      }
      if (batch.entries().isEmpty()) {
        sink.idle();
      }
    }
  }

  private static boolean internal(String envelopeJson) {
    return EventEnvelopes.isInternal(JsonTree.asObject(JsonTree.parse(envelopeJson)));
  }
}
