package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.RunOptions;
import io.stepwise.graph.Edge;
import io.stepwise.graph.EdgeKind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A traced run counts exactly what it did: executions, deliveries, emissions and final failures. */
@Timeout(30)
class ExecutionTraceTest {
  private static final RunOptions TRACED = RunOptions.defaults().withTrace(true);
  private static final String FAN = "io.stepwise.behaviour.FanOutFlow.";
  private static final String CHILD = "io.stepwise.behaviour.ChildFlows.";

  @Test
  void fanOutTraceCountsEveryExecutionDeliveryAndEmission() {
    var handler = FanOutFlow_Workflow.of(new FanOutFlow()).run(new FanOutFlow.Count(5), TRACED);
    handler.result();
    var trace = handler.trace();
    assertEquals(Map.of("split", 1L, "square", 5L, "gather", 5L), trace.runs());
    assertEquals(Map.of(
        new Edge(EdgeKind.CONSUMES, "split", FAN + "Count"), 1L,
        new Edge(EdgeKind.PRODUCES, "split", FAN + "Item"), 5L,
        new Edge(EdgeKind.CONSUMES, "square", FAN + "Item"), 5L,
        new Edge(EdgeKind.PRODUCES, "square", FAN + "Squared"), 5L,
        new Edge(EdgeKind.CONSUMES, "gather", FAN + "Squared"), 5L,
        new Edge(EdgeKind.PRODUCES, "gather", FAN + "Total"), 1L), trace.edges());
    assertEquals(Map.of(FAN + "Count", 1L, FAN + "Item", 5L, FAN + "Squared", 5L, FAN + "Total", 1L),
        trace.emitted());
    assertEquals(Set.of(), trace.failedSteps());
  }

  @Test
  void retriesCountAsExecutionsButNotAsDeliveriesAndAHandledFailureIsFinal() {
    var handler = ChildFlows_Parent_Workflow.of(new ChildFlows.Parent(new ChildFlows.Child(2)))
        .run(new ChildFlows.Go(), TRACED);
    handler.result();
    var trace = handler.trace();
    assertEquals(Map.of("ask", 2L, "recover", 1L), trace.runs());
    assertEquals(Map.of(
        new Edge(EdgeKind.CONSUMES, "ask", CHILD + "Go"), 1L,
        new Edge(EdgeKind.CONSUMES, "recover", "io.stepwise.StepFailedEvent"), 1L,
        new Edge(EdgeKind.PRODUCES, "recover", CHILD + "Report"), 1L), trace.edges());
    assertEquals(Set.of("ask"), trace.failedSteps());
  }

  @Test
  void untracedRunRefusesToGiveATrace() {
    var handler = FanOutFlow_Workflow.of(new FanOutFlow()).run(new FanOutFlow.Count(1));
    handler.result();
    var refused = assertThrows(IllegalStateException.class, handler::trace);
    assertEquals("Run " + handler.runId() + " of workflow 'FanOutFlow' records no trace; start it with"
        + " RunOptions.defaults().withTrace(true)", refused.getMessage());
  }
}
