package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How events flow between steps, observed by running generated workflows. */
@Timeout(30)
class RoutingTest {

  @Test
  void linearChainRunsEachStepOnceInOrder() {
    WorkflowHandler<ChainFlow.Finished> run = ChainFlow_Workflow.of(new ChainFlow()).run(new ChainFlow.Begin(1));

    List<Event> stream = run.events().toList();

    assertEquals(
        List.of(
            new ChainFlow.Seen("first", 1),
            new ChainFlow.Seen("second", 2),
            new ChainFlow.Seen("third", 3),
            new ChainFlow.Finished(4)),
        stream);
    assertEquals(new ChainFlow.Finished(4), run.result());
  }

  @Test
  void eventIsBroadcastToEveryAcceptingStepAndJoined() {
    var result = BroadcastJoinFlow_Workflow.of(new BroadcastJoinFlow()).run(new BroadcastJoinFlow.Begin("abc")).result();

    assertEquals(new BroadcastJoinFlow.Combined("ABC+cba"), result);
  }

  @Test
  void joinFiresOncePerCompleteSetPairingFifo() {
    JoinOrderFlow flow = new JoinOrderFlow();

    var result = JoinOrderFlow_Workflow.of(flow).run(new JoinOrderFlow.Begin()).result();

    assertEquals(new JoinOrderFlow.Paired(List.of("1/10", "2/20", "3/30")), result);
  }

  @Test
  void sealedUnionRoutesEachVariantToItsStep() {
    var shapes = ShapeFlow_Workflow.of(new ShapeFlow());

    assertEquals(new ShapeFlow.Area("square", 9.0), shapes.run(new ShapeFlow.Measure("square", 3)).result());
    assertEquals(new ShapeFlow.Area("circle", Math.PI * 4), shapes.run(new ShapeFlow.Measure("circle", 2)).result());
  }

  @Test
  void startEventInsideASealedUnionLoopsToItsStop() {
    var result = CountdownFlow_Workflow.of(new CountdownFlow()).run(new CountdownFlow.Begin(3)).result();

    assertEquals(new CountdownFlow.Liftoff("start,3,2,1"), result);
    assertEquals(CountdownFlow.Begin.class, new CountdownFlow_Workflow().startEventType());
  }

  @Test
  void returnedListFansOutThroughAnAsyncStep() {
    var result = FanOutFlow_Workflow.of(new FanOutFlow()).run(new FanOutFlow.Count(100)).result();

    // 1^2 + ... + 100^2
    assertEquals(new FanOutFlow.Total(100, 338_350), result);
  }

  @Test
  void peakConcurrencyOfAStepEqualsItsWorkers() {
    WorkersFlow flow = new WorkersFlow();

    var result = WorkersFlow_Workflow.of(flow).run(new WorkersFlow.Jobs(8)).result();

    assertEquals(new WorkersFlow.AllDone(8), result);
    assertEquals(2, flow.peak.get());
  }
}
