package io.stepwise.internal.stream;

import io.stepwise.ChildEvent;
import io.stepwise.Event;
import io.stepwise.EventsDropped;
import io.stepwise.InputRequiredEvent;
import io.stepwise.RunOptions;
import io.stepwise.StreamOverflow;
import io.stepwise.WorkflowException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A run's stream: everything published, then the terminal event, then the end. Holds what was
 * published until it is read, so a late reader still sees the run, but at most its capacity of
 * events that may be dropped; then its {@link StreamOverflow} applies (see
 * {@link RunOptions.Builder#streamBuffer}). Questions (input-required events, also from a child
 * run) and the terminal event are never dropped and never count against the capacity.
 *
 * <p>One writer (the thread draining the loop, one at a time) and at most one reader
 * ({@code events()} can be called once), so the buffer is a linked list the writer appends to and
 * the reader follows, parking only when it caught up: no lock and no queue object per run, just a
 * node per event. The reader moves {@code head} by compare-and-set because a full
 * {@code DROP_OLDEST} stream's writer moves it too, to a copy of the unread front in which a marker
 * stands for the oldest event: whoever wins decides whether that event was read or dropped, so
 * none is both. A {@code BLOCK} stream never drops; its {@link StreamRoom} holds writing steps back.
 */
public final class EventStream {
  /** Marks the end after the terminal event; never handed to the reader. */
  private static final Event END = new Event() {};

  /**
   * A place in the buffer. A plain node's event never counts against the capacity (a question, a
   * marker, the terminal event, the end, or the head's placeholder); a {@link Counted} one's does.
   */
  private static class Node {
    final Event event;
    /**
     * How many counted events are read or dropped once this node is read. An int, which keeps a
     * node at 24 bytes, and may wrap around: only differences are used, and they stay near the
     * capacity.
     */
    final int gone;
    volatile Node next;

    Node(Event event, int gone) {
      this.event = event;
      this.gone = gone;
    }

    boolean isMarker() {
      return !(this instanceof Counted) && event instanceof EventsDropped;
    }
  }

  /** An event that counts against the capacity, so may be dropped. */
  private static final class Counted extends Node {
    Counted(Event event, int gone) {
      super(event, gone);
    }
  }

  private final String runId;
  // Set before the first tick, or never.
  private int capacity = RunOptions.DEFAULT_STREAM_CAPACITY;
  private StreamOverflow overflow = StreamOverflow.DROP_OLDEST;
  private StreamRoom room; // BLOCK only
  /** The last node written; only the writer touches it. */
  private Node tail;
  /** The node last read: the reader advances it, a dropping writer replaces it. */
  private final AtomicReference<Node> head;
  private volatile Thread reader;
  private final AtomicBoolean taken = new AtomicBoolean();
  // Written and read by the thread draining the loop only.
  /** Counted events appended so far, dropped ones included (wrapping around, as {@link Node#gone}). */
  private int counted;
  /** Events published so far. */
  private long published;

  public EventStream(String runId) {
    this(runId, 0);
  }

  /** A stream whose count of counted events starts at {@code counted}: tests use it to see the count wrap around. */
  EventStream(String runId, int counted) {
    this.runId = runId;
    this.counted = counted;
    this.tail = new Node(null, counted);
    this.head = new AtomicReference<>(tail);
  }

  /** Bounds the stream; call before anything is published. */
  public void bound(int capacity, StreamOverflow overflow) {
    this.capacity = capacity;
    this.overflow = overflow;
    this.room = overflow == StreamOverflow.BLOCK ? new StreamRoom(capacity, () -> head.get().gone) : null;
  }

  public int capacity() {
    return capacity;
  }

  public StreamOverflow overflow() {
    return overflow;
  }

  /**
   * Called by a step before it hands the loop an event to write: on a {@code BLOCK} stream, takes
   * a place, waiting until the reader made room. Never waits on a {@code DROP_OLDEST} stream.
   *
   * @return false when the stream ended, so the write is dropped
   * @throws InterruptedException when the step was interrupted (cancelled) while it waited
   */
  public boolean admit() throws InterruptedException {
    return room == null || room.admit();
  }

  /**
   * Nobody can call {@code events()} any more (the run's handler is unreachable). If nobody took
   * the stream, nobody will ever read it: steps stop waiting for room, and their writes are dropped.
   */
  public void unreachable() {
    if (room != null && !taken.get()) {
      room.end();
    }
  }

  /** The loop handled a step's write, published or not: its place is free for the event itself or for another. */
  public void writeHandled() {
    if (room != null) {
      room.handled();
    }
  }

  /** Appends an event, dropping the oldest unread one when full and dropping is the policy; never blocks. */
  public void publish(Event event) {
    published++;
    if (!isCounted(event)) {
      append(new Node(event, counted));
      return;
    }
    if (overflow == StreamOverflow.DROP_OLDEST) {
      for (Node last = head.get(); counted - last.gone >= capacity; last = head.get()) {
        dropOldest(last); // fails only when the reader took an event meanwhile: look again
      }
    }
    counted++;
    append(new Counted(event, counted));
    if (room != null) {
      room.appended(counted);
    }
  }

  /** How many events were published before the terminal one, for snapshots. */
  public long published() {
    return published;
  }

  /** Appends the terminal event and ends the stream; a step waiting for room gives up its write. */
  public void end(Event terminal) {
    append(new Node(terminal, counted));
    append(new Node(END, counted));
    if (room != null) {
      room.end();
    }
  }

  /** Questions must reach the reader, whatever its pace; so must a child's, which the caller answers too. */
  private static boolean isCounted(Event event) {
    return event instanceof ChildEvent child ? isCounted(child.event()) : !(event instanceof InputRequiredEvent);
  }

  private void append(Node node) {
    tail.next = node;
    tail = node;
    Thread waiting = reader;
    if (waiting != null) {
      LockSupport.unpark(waiting);
    }
  }

  /**
   * Replaces the unread front, from {@code last} (the node last read) to the oldest counted event,
   * with copies in which a marker stands for that event, merged with a marker just before it.
   *
   * @return whether it was dropped; false when the reader moved on meanwhile
   */
  private boolean dropOldest(Node last) {
    Node before = last;
    Node victim = last.next; // not null: at least one counted event is unread
    while (!(victim instanceof Counted)) {
      before = victim;
      victim = victim.next;
    }
    boolean merge = before != last && before.isMarker();
    long count = merge ? ((EventsDropped) before.event).count() + 1 : 1;
    Node marker = new Node(new EventsDropped(count), victim.gone);
    marker.next = victim.next;
    // The nodes kept before the marker are copied, since the reader may be looking at the originals.
    Node front = new Node(null, last.gone + 1);
    Node copied = front;
    for (Node kept = last.next; kept != (merge ? before : victim); kept = kept.next) {
      Node copy = new Node(kept.event, kept.gone + 1);
      copied.next = copy;
      copied = copy;
    }
    copied.next = marker;
    if (!head.compareAndSet(last, front)) {
      return false;
    }
    if (victim == tail) {
      tail = marker;
    }
    return true;
  }

  public Stream<Event> stream() {
    if (!taken.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "The events of run " + runId + " were already consumed; events() can be called once");
    }
    return StreamSupport.stream(new Reader(), false);
  }

  /** The next event, parking until the writer appends one (after a brief spin, see {@link BriefSpin}). */
  private Event take() {
    while (true) {
      Node last = head.get();
      Node next = last.next;
      if (next == null) {
        if (!BriefSpin.until(() -> head.get().next != null)) {
          park();
        }
      } else if (head.compareAndSet(last, next)) {
        if (room != null && next instanceof Counted) {
          room.madeRoom();
        }
        return next.event;
      }
    }
  }

  private void park() {
    reader = Thread.currentThread();
    if (head.get().next == null) { // appended before the writer could see us: do not sleep
      LockSupport.park(this);
      if (Thread.interrupted()) {
        reader = null;
        Thread.currentThread().interrupt();
        throw new WorkflowException("Interrupted while reading the events of run " + runId,
            new InterruptedException());
      }
    }
    reader = null;
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
