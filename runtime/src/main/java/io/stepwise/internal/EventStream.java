package io.stepwise.internal;

import io.stepwise.Event;
import io.stepwise.WorkflowException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A run's stream: everything published, then the terminal event, then the end. Buffers what was
 * published before anyone reads, so a late reader still sees the whole run.
 */
final class EventStream {
  /** Marks the end after the terminal event; never handed to the reader. */
  private static final Event END = new Event() {};

  private final String runId;
  private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final AtomicBoolean taken = new AtomicBoolean();
  /** Events published so far; written and read by the thread draining the loop only. */
  private long published;

  EventStream(String runId) {
    this.runId = runId;
  }

  /** Appends an event; never blocks, and never throws on an interrupted publisher. */
  void publish(Event event) {
    published++;
    queue.offer(event);
  }

  /** How many events were published before the terminal one, for snapshots. */
  long published() {
    return published;
  }

  /** Appends the terminal event and ends the stream. */
  void end(Event terminal) {
    queue.offer(terminal);
    queue.offer(END);
  }

  Stream<Event> stream() {
    if (!taken.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "The events of run " + runId + " were already consumed; events() can be called once");
    }
    return StreamSupport.stream(new Reader(), false);
  }

  private final class Reader extends Spliterators.AbstractSpliterator<Event> {
    private boolean ended;

    Reader() {
      super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
    }

    @Override
    public boolean tryAdvance(Consumer<? super Event> action) {
      if (ended) {
        return false;
      }
      Event next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WorkflowException("Interrupted while reading the events of run " + runId, e);
      }
      if (next == END) {
        ended = true;
        return false;
      }
      action.accept(next);
      return true;
    }
  }
}
