package io.stepwise.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.ChildEvent;
import io.stepwise.Event;
import io.stepwise.EventsDropped;
import io.stepwise.RunOptions;
import io.stepwise.StreamOverflow;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.fixture.Events.Ask;
import io.stepwise.fixture.Events.Progress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stream's buffer on its own: what a full stream drops, keeps, and makes a writing step wait for. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EventStreamTest {
  private static final WorkflowCancelledEvent END = new WorkflowCancelledEvent();

  private static EventStream stream(int capacity, StreamOverflow overflow) {
    EventStream stream = new EventStream("run-1");
    stream.bound(capacity, overflow);
    return stream;
  }

  private static Progress p(int n) {
    return new Progress("p" + n);
  }

  @Test
  void theDefaultBufferDropsBeyondTheDocumentedCapacity() {
    EventStream stream = new EventStream("run-1");
    for (int i = 0; i < RunOptions.DEFAULT_STREAM_CAPACITY + 1; i++) {
      stream.publish(p(i));
    }
    stream.end(END);

    List<Event> read = stream.stream().toList();

    assertEquals(4096, RunOptions.DEFAULT_STREAM_CAPACITY);
    assertEquals(4098, read.size()); // the marker, the newest 4096 and the end
    assertEquals(new EventsDropped(1), read.get(0));
    assertEquals(p(1), read.get(1));
    assertEquals(p(4096), read.get(4096));
    assertEquals(END, read.get(4097));
  }

  @Test
  void droppedEventsInARowBecomeOneMarkerBeforeTheNewest() {
    EventStream stream = stream(3, StreamOverflow.DROP_OLDEST);
    for (int i = 0; i < 10; i++) {
      stream.publish(p(i));
    }
    stream.end(END);

    assertEquals(List.of(new EventsDropped(7), p(7), p(8), p(9), END), stream.stream().toList());
    assertEquals(10, stream.published());
  }

  @Test
  void countsThatWrapAroundStillBoundTheStream() {
    for (StreamOverflow overflow : StreamOverflow.values()) {
      EventStream stream = new EventStream("run-1", Integer.MAX_VALUE - 2);
      stream.bound(3, overflow);
      for (int i = 0; i < 10; i++) {
        stream.publish(p(i));
      }
      stream.end(END);

      List<Event> expected = overflow == StreamOverflow.DROP_OLDEST
          ? List.of(new EventsDropped(7), p(7), p(8), p(9), END)
          : List.of(p(0), p(1), p(2), p(3), p(4), p(5), p(6), p(7), p(8), p(9), END);
      assertEquals(expected, stream.stream().toList(), overflow.name());
    }
  }

  @Test
  void blockAdmitsWritesAcrossTheWrapAround() throws Exception {
    EventStream stream = new EventStream("run-1", Integer.MAX_VALUE);
    stream.bound(1, StreamOverflow.BLOCK);
    Iterator<Event> reader = stream.stream().iterator();
    assertTrue(stream.admit());
    stream.publish(p(0));
    stream.writeHandled();
    CompletableFuture<Boolean> second = new CompletableFuture<>();
    Thread writer = Thread.ofVirtual().start(() -> admitInto(stream, second));
    awaitParked(writer);

    assertEquals(p(0), reader.next());

    assertTrue(second.get());
  }

  @Test
  void questionsAreKeptInPlaceAndSplitTheMarkers() {
    EventStream stream = stream(2, StreamOverflow.DROP_OLDEST);
    ChildEvent childQuestion = new ChildEvent("child-1", "Child", new Ask("child?"));
    stream.publish(p(0));
    stream.publish(p(1));
    stream.publish(new Ask("q"));
    stream.publish(p(2));
    stream.publish(p(3));
    stream.publish(childQuestion);
    stream.publish(p(4));
    stream.publish(p(5));
    stream.publish(p(6));
    stream.end(END);

    assertEquals(List.of(new EventsDropped(2), new Ask("q"), new EventsDropped(2), childQuestion,
        new EventsDropped(1), p(5), p(6), END), stream.stream().toList());
  }

  @Test
  void aReaderThatCaughtUpReadsOnWhileTheWriterDrops() {
    EventStream stream = stream(2, StreamOverflow.DROP_OLDEST);
    Iterator<Event> reader = stream.stream().iterator();
    stream.publish(p(0));
    assertEquals(p(0), reader.next());
    stream.publish(p(1));
    stream.publish(p(2));
    stream.publish(p(3));
    assertEquals(new EventsDropped(1), reader.next());
    assertEquals(p(2), reader.next());
    stream.publish(p(4));
    stream.publish(p(5));
    stream.publish(p(6));
    stream.end(END);

    List<Event> rest = new ArrayList<>();
    reader.forEachRemaining(rest::add);
    assertEquals(List.of(new EventsDropped(2), p(5), p(6), END), rest);
  }

  @Test
  void aMarkerAlreadyReadStaysAsItWasSoTheNextDropMakesANewOne() {
    EventStream stream = stream(1, StreamOverflow.DROP_OLDEST);
    Iterator<Event> reader = stream.stream().iterator();
    stream.publish(p(0));
    stream.publish(p(1));
    assertEquals(new EventsDropped(1), reader.next());
    stream.publish(p(2));
    stream.end(END);

    List<Event> rest = new ArrayList<>();
    reader.forEachRemaining(rest::add);
    assertEquals(List.of(new EventsDropped(1), p(2), END), rest);
  }

  @Test
  void aConcurrentReaderGetsEachEventOrAMarkerCountingItExactly() throws Exception {
    int total = 200_000;
    EventStream stream = stream(8, StreamOverflow.DROP_OLDEST);
    CompletableFuture<List<Event>> read = CompletableFuture.supplyAsync(() -> stream.stream().toList());
    for (int i = 0; i < total; i++) {
      stream.publish(new Seq(i));
    }
    stream.end(END);

    assertEveryEventReadOrCounted(read.get(), total);
  }

  /** Each marker counts exactly the events missing where it stands. */
  static void assertEveryEventReadOrCounted(List<Event> read, int total) {
    long next = 0;
    for (Event event : read.subList(0, read.size() - 1)) {
      if (event instanceof EventsDropped dropped) {
        next += dropped.count();
      } else {
        assertEquals(next, ((Seq) event).n());
        next++;
      }
    }
    assertEquals(total, next);
    assertEquals(END, read.get(read.size() - 1));
  }

  record Seq(int n) implements Event {}

  @Test
  void blockAdmitsCapacityWritesThenWaitsUntilTheReaderTakesOne() throws Exception {
    EventStream stream = stream(2, StreamOverflow.BLOCK);
    Iterator<Event> reader = stream.stream().iterator();
    assertTrue(stream.admit());
    assertTrue(stream.admit()); // both in flight to the loop, not yet appended: they hold their places
    CompletableFuture<Boolean> third = new CompletableFuture<>();
    Thread writer = Thread.ofVirtual().start(() -> admitInto(stream, third));
    awaitParked(writer);
    assertFalse(third.isDone());

    stream.publish(p(0));
    stream.writeHandled();
    stream.publish(p(1));
    stream.writeHandled();
    assertFalse(third.isDone());
    assertEquals(p(0), reader.next());

    assertTrue(third.get());
    writer.join();
  }

  @Test
  void blockCountsWritesTheLoopDroppedAsFreed() throws Exception {
    EventStream stream = stream(1, StreamOverflow.BLOCK);
    assertTrue(stream.admit());
    CompletableFuture<Boolean> second = new CompletableFuture<>();
    Thread writer = Thread.ofVirtual().start(() -> admitInto(stream, second));
    awaitParked(writer);

    stream.writeHandled(); // the loop handled the first write without publishing it

    assertTrue(second.get());
  }

  @Test
  void blockNeverDropsAndQuestionsTakeNoPlace() {
    EventStream stream = stream(1, StreamOverflow.BLOCK);
    stream.publish(p(0));
    stream.publish(new Ask("q"));
    stream.publish(p(1)); // the loop's own events are appended even when full
    stream.end(END);

    assertEquals(List.of(p(0), new Ask("q"), p(1), END), stream.stream().toList());
  }

  @Test
  void theEndTurnsAWaitingWriterAway() throws Exception {
    EventStream stream = stream(1, StreamOverflow.BLOCK);
    assertTrue(stream.admit());
    CompletableFuture<Boolean> second = new CompletableFuture<>();
    Thread writer = Thread.ofVirtual().start(() -> admitInto(stream, second));
    awaitParked(writer);

    stream.end(END);

    assertFalse(second.get());
    assertFalse(stream.admit());
  }

  @Test
  void anInterruptEndsTheWait() throws Exception {
    EventStream stream = stream(1, StreamOverflow.BLOCK);
    assertTrue(stream.admit());
    CompletableFuture<Boolean> second = new CompletableFuture<>();
    Thread writer = Thread.ofVirtual().start(() -> admitInto(stream, second));
    awaitParked(writer);

    writer.interrupt();

    ExecutionException error = assertThrows(ExecutionException.class, second::get);
    assertInstanceOf(InterruptedException.class, error.getCause());
  }

  private static void admitInto(EventStream stream, CompletableFuture<Boolean> outcome) {
    try {
      outcome.complete(stream.admit());
    } catch (InterruptedException e) {
      outcome.completeExceptionally(e);
    }
  }

  /** Waits (bounded by the class timeout) until {@code thread} parks: it then waits for room. */
  static void awaitParked(Thread thread) throws InterruptedException {
    while (thread.getState() != Thread.State.WAITING) {
      assertTrue(thread.isAlive(), "the writer ended instead of waiting");
      Thread.sleep(1);
    }
  }
}
