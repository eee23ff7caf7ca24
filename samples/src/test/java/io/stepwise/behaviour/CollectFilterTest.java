package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Snapshot;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.FilteredCollectFlow.Batch;
import io.stepwise.behaviour.FilteredCollectFlow.Evens;
import io.stepwise.behaviour.FilteredCollectFlow.Score;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code collectEvents} with a filter: refused events are never buffered, and a snapshot's cut stays consistent. */
class CollectFilterTest {
  private static final String SCORE = "{\"@type\":\"io.stepwise.behaviour.FilteredCollectFlow.Score\",\"value\":";

  @Test
  void onlyEventsTheFilterAcceptsAreCollectedInArrivalOrder() {
    Evens evens = FilteredCollectFlow_Workflow.of(new FilteredCollectFlow(-1))
        .run(new Batch(List.of(1, 3, 2, 5, 4, 7, 6, 8))).result();
    assertEquals(new Evens(List.of(2, 4, 6)), evens);
  }

  @Test
  void aSnapshotWithTheCollectCallInFlightHoldsOnlyAcceptedEventsAndTheResumedRunDoesNotBufferTwice()
      throws InterruptedException {
    FilteredCollectFlow holding = new FilteredCollectFlow(4);
    WorkflowHandler<Evens> run = FilteredCollectFlow_Workflow.of(holding).run(new Batch(List.of(1, 2, 3, 4)));
    assertTrue(holding.held.await(20, TimeUnit.SECONDS));
    String json = run.snapshot().toJson();
    run.cancel();
    assertThrows(WorkflowCancelledException.class, run::result);

    // 1 and 3 were refused: the buffer holds 2 and 4, and the execution of 4, in flight, got "not yet".
    assertTrue(json.contains("\"collected\":[" + SCORE + "2}," + SCORE + "4}]"), json);
    assertTrue(json.contains("\"events\":[" + SCORE + "4}],\"attempt\":1"), json);

    WorkflowHandler<Evens> resumed = FilteredCollectFlow_Workflow.of(new FilteredCollectFlow(-1))
        .resume(Snapshot.fromJson(json));
    resumed.sendEvent(new Score(5)); // refused
    resumed.sendEvent(new Score(6));
    // The re-run of 4 replays its collect call: 4 is not buffered a second time.
    assertEquals(new Evens(List.of(2, 4, 6)), resumed.result());
  }
}
