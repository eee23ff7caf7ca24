package io.stepwise.internal;

import io.stepwise.Event;
import io.stepwise.WorkflowException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A run's stream: everything published, then the terminal event, then the end. Buffers what was
 * published before anyone reads, so a late reader still sees the whole run.
 *
 * <p>One writer (the thread draining the loop, one at a time) and at most one reader
 * ({@code events()} can be called once), so the buffer is a linked list the writer appends to and
 * the reader follows, parking only when it caught up: no lock and no queue object per run, just a
 * node per event.
 */
final class EventStream {
  /** Marks the end after the terminal event; never handed to the reader. */
  private static final Event END = new Event() {};

  private static final class Node {
    final Event event;
    volatile Node next;

    Node(Event event) {
      this.event = event;
    }
  }

  private final String runId;
  /** The last node written; only the writer touches it. */
  private Node tail = new Node(null);
  /** The node before the next one to read; only the reader touches it once reading started. */
  private Node head = tail;
  private volatile Thread reader;
  private final AtomicBoolean taken = new AtomicBoolean();
  /** Events published so far; written and read by the thread draining the loop only. */
  private long published;

  EventStream(String runId) {
    this.runId = runId;
  }

  /** Appends an event; never blocks, and never throws on an interrupted publisher. */
  void publish(Event event) {
    published++;
    append(event);
  }

  /** How many events were published before the terminal one, for snapshots. */
  long published() {
    return published;
  }

  /** Appends the terminal event and ends the stream. */
  void end(Event terminal) {
    append(terminal);
    append(END);
  }

  private void append(Event event) {
    Node node = new Node(event);
    tail.next = node;
    tail = node;
    Thread waiting = reader;
    if (waiting != null) {
      LockSupport.unpark(waiting);
    }
  }

  Stream<Event> stream() {
    if (!taken.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "The events of run " + runId + " were already consumed; events() can be called once");
    }
    return StreamSupport.stream(new Reader(), false);
  }

  /** The next event, parking until the writer appends one (after a brief spin, see {@link BriefSpin}). */
  private Event take() {
    Node next = head.next;
    if (next == null && BriefSpin.until(() -> head.next != null)) {
      next = head.next;
    }
    while (next == null) {
      reader = Thread.currentThread();
      next = head.next; // appended before the writer could see us: do not sleep
      if (next == null) {
        LockSupport.park(this);
        if (Thread.interrupted()) {
          reader = null;
          Thread.currentThread().interrupt();
          throw new WorkflowException("Interrupted while reading the events of run " + runId,
              new InterruptedException());
        }
        next = head.next;
      }
      reader = null;
    }
    head = next;
    return next.event;
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
      Event next = take();
      if (next == END) {
        ended = true;
        return false;
      }
      action.accept(next);
      return true;
    }
  }
}
