package io.stepwise.dbos;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.EventsDropped;
import io.stepwise.WorkflowCancelledEvent;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Copies a held run's stream to the stream table, so a process on any worker can read it
 * ({@link DurableWorkflow#events}). Events the workflow's codecs cannot write (the runtime's own
 * end-of-run events) are left out: the run's end is its outcome.
 *
 * <p>An event the database refuses is tried again, with a growing pause, until the database has
 * refused for {@link #GIVE_UP}: a database away for a moment costs readers a delay, not an event.
 * Past that, events are dropped, and an {@link EventsDropped} marker counting the drops in a row is
 * written before the next event that goes in (or at the end), so a reader knows what it missed and
 * where; {@link #finish(boolean)} says when not even the marker went in. Copying stops
 * when the run's stream ends or the run is another worker's now (it publishes from there on).
 *
 * <p>A run let go by idle release ends its stream with {@link WorkflowCancelledEvent} too, though
 * it is not cancelled: it goes on when woken. So a cancelled event is held back until the driver
 * says how the run ended ({@link #finish(boolean)}), and dropped when it was released.
 */
final class StreamPublisher {
  /** How long one event is tried before it is dropped. */
  static final Duration GIVE_UP = Duration.ofSeconds(60);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

  /** Writes one event's JSON to the table; false when this worker no longer holds the run. */
  @FunctionalInterface
  interface Table {
    boolean publish(String eventJson) throws SQLException;
  }

  private final String runId;
  private final CompiledWorkflow<?, ?> workflow;
  private final Table table;
  private final Duration giveUp;
  private final Thread thread;
  private long dropped; // events dropped since the last one written, not yet marked in the table
  private long refusingSince = -1; // System.nanoTime() of the first refusal in a row, -1 while none
  private volatile long unmarked; // drops no marker in the table counts: what readers cannot know of
  private final java.util.concurrent.CompletableFuture<Boolean> released = new java.util.concurrent.CompletableFuture<>();

  private StreamPublisher(String runId, CompiledWorkflow<?, ?> workflow, Table table, Duration giveUp,
      Stream<Event> events) {
    this.runId = runId;
    this.workflow = workflow;
    this.table = table;
    this.giveUp = giveUp;
    this.thread = Thread.ofVirtual().name("stepwise-dbos-stream-" + runId).unstarted(() -> copy(events));
  }

  /** Starts copying {@code events}, the run's stream, to {@code table}. */
  static StreamPublisher start(String runId, CompiledWorkflow<?, ?> workflow, Stream<Event> events, Table table,
      Duration giveUp) {
    var publisher = new StreamPublisher(runId, workflow, table, giveUp, events);
    publisher.thread.start();
    return publisher;
  }

  /**
   * Waits until the stream is copied (the run's stream ended) or copying stopped, and returns how
   * many events were dropped with no marker in the table to say so (0 when readers miss nothing).
   *
   * @param wasReleased whether the run was released from memory (its cancelled event is then no end)
   */
  long finish(boolean wasReleased) throws InterruptedException {
    released.complete(wasReleased);
    thread.join();
    return unmarked;
  }

  /** Lets copying end without waiting for {@link #finish(boolean)}: the driver gave up the run (nothing is released). */
  void abandon() {
    released.complete(false);
  }

  private void copy(Stream<Event> events) {
    try (events) {
      String cancelled = null; // the stream's cancelled event, held back until the driver says whether it was a release
      for (Iterator<Event> it = events.iterator(); it.hasNext(); ) {
        Event event = it.next();
        String json;
        try {
          json = workflow.json().write(event);
        } catch (RuntimeException notTheWorkflowsOwn) {
          continue;
        }
        if (event instanceof WorkflowCancelledEvent) {
          cancelled = json;
          continue;
        }
        if (!markDrops() || !publish(json)) {
          return;
        }
      }
      if (cancelled != null && !released.join() && (!markDrops() || !publish(cancelled))) {
        return;
      }
      markDrops(); // drops at the very end are marked too
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    }
  }

  /** Writes the marker of the drops since the last event that went in, if any; false when not held. */
  private boolean markDrops() throws InterruptedException {
    if (dropped == 0) {
      return true;
    }
    Written marker = write(workflow.json().write(new EventsDropped(dropped)));
    if (marker == Written.WRITTEN) {
      dropped = 0;
      unmarked = 0;
    }
    return marker != Written.NOT_HELD;
  }

  /** Writes one event, or counts it dropped; false when not held. */
  private boolean publish(String json) throws InterruptedException {
    Written event = write(json);
    if (event == Written.REFUSED) {
      dropped++;
      unmarked = dropped;
      System.getLogger(StreamPublisher.class.getName()).log(System.Logger.Level.WARNING, "run " + runId
          + ": the stream table has refused events for " + giveUp.toSeconds() + " s; one is dropped, and an"
          + " EventsDropped marker takes its place");
    }
    return event != Written.NOT_HELD;
  }

  private enum Written { WRITTEN, REFUSED, NOT_HELD }

  /**
   * Writes one row, trying again with a growing pause while the database refuses it, until it has
   * refused every row for {@code giveUp}; from then on each row is tried once until one goes in, so
   * a long outage costs its length, not its length per event.
   */
  private Written write(String json) throws InterruptedException {
    Duration pause = FIRST_PAUSE;
    while (true) {
      try {
        boolean held = table.publish(json);
        refusingSince = -1;
        return held ? Written.WRITTEN : Written.NOT_HELD;
      } catch (SQLException refused) {
        long now = System.nanoTime();
        if (refusingSince < 0) {
          refusingSince = now;
        }
        if (now - refusingSince >= giveUp.toNanos()) {
          return Written.REFUSED;
        }
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
      }
    }
  }
}
