package io.stepwise.dbos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.EventsDropped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What reaches the stream table when the database refuses rows for a moment, for long, or for good. */
class StreamPublisherTest {
  private static final CompiledWorkflow<AskFlow.Begin, AskFlow.Answered> FLOW = AskFlow_Workflow.of(new AskFlow(null));
  private static final Event A = new AskFlow.Question("a?");
  private static final Event B = new AskFlow.Question("b?");
  private static final Event C = new AskFlow.Answered("c");

  /** A table keeping the rows it accepts, refusing those {@code refuses} names. */
  private static final class FakeTable implements StreamPublisher.Table {
    final List<Event> rows = new ArrayList<>();
    final Predicate<Event> refuses;
    int calls;

    FakeTable(Predicate<Event> refuses) {
      this.refuses = refuses;
    }

    @Override
    public boolean publish(String eventJson) throws SQLException {
      calls++;
      Event event = FLOW.json().read(eventJson);
      if (refuses.test(event)) {
        throw new SQLException("refused in this test");
      }
      rows.add(event);
      return true;
    }
  }

  @Test
  void theCancelledEventOfARunReleasedFromMemoryIsNotWrittenButThatOfACancelledRunIs() throws Exception {
    Event cancelled = new io.stepwise.WorkflowCancelledEvent();
    var released = new FakeTable(event -> false);
    assertEquals(0, StreamPublisher.start("run-1", FLOW, Stream.of(A, cancelled), released, Duration.ofSeconds(30))
        .finish(true));
    assertEquals(List.of(A), released.rows);

    var ended = new FakeTable(event -> false);
    assertEquals(0, StreamPublisher.start("run-2", FLOW, Stream.of(A, cancelled), ended, Duration.ofSeconds(30))
        .finish(false));
    assertEquals(List.of(A, cancelled), ended.rows);
  }

  @Test
  void rowsRefusedForAMomentAreWrittenLateInOrderAndNoneIsLost() throws Exception {
    var refusals = new int[] {3};
    var table = new FakeTable(event -> event.equals(B) && refusals[0]-- > 0);

    long unmarked = StreamPublisher.start("run-1", FLOW, Stream.of(A, B, C), table, Duration.ofSeconds(30)).finish(false);

    assertEquals(List.of(A, B, C), table.rows);
    assertEquals(6, table.calls); // B was tried four times
    assertEquals(0, unmarked);
  }

  @Test
  void aRowRefusedForLongerThanTheGiveUpIsDroppedAndAMarkerStandsInItsPlace() throws Exception {
    var table = new FakeTable(B::equals);

    long unmarked = StreamPublisher.start("run-1", FLOW, Stream.of(A, B, C), table, Duration.ofMillis(200)).finish(false);

    assertEquals(List.of(A, new EventsDropped(1), C), table.rows);
    assertEquals(0, unmarked);
  }

  @Test
  void aDropAtTheEndIsMarkedToo() throws Exception {
    var table = new FakeTable(C::equals);

    long unmarked = StreamPublisher.start("run-1", FLOW, Stream.of(A, B, C), table, Duration.ofMillis(200)).finish(false);

    assertEquals(List.of(A, B, new EventsDropped(1)), table.rows);
    assertEquals(0, unmarked);
  }

  @Test
  void dropsNoMarkerCouldCountAreReportedByFinish() throws Exception {
    var table = new FakeTable(event -> !event.equals(A)); // the database is gone after A

    long unmarked = StreamPublisher.start("run-1", FLOW, Stream.of(A, B, C), table, Duration.ofMillis(200)).finish(false);

    assertEquals(List.of(A), table.rows);
    assertEquals(2, unmarked);
  }

  @Test
  void copyingStopsWhenTheRunIsAnotherWorkersNow() throws Exception {
    var rows = new ArrayList<Event>();
    StreamPublisher.Table lostAtB = json -> {
      Event event = FLOW.json().read(json);
      if (event.equals(B)) {
        return false;
      }
      rows.add(event);
      return true;
    };

    long unmarked = StreamPublisher.start("run-1", FLOW, Stream.of(A, B, C), lostAtB, Duration.ofSeconds(30)).finish(false);

    assertEquals(List.of(A), rows);
    assertEquals(0, unmarked);
  }
}
