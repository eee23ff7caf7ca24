package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.graph.Edge;
import io.stepwise.graph.EdgeKind;
import io.stepwise.graph.EventKind;
import io.stepwise.graph.EventNode;
import io.stepwise.graph.RetrySettings;
import io.stepwise.graph.StepNode;
import io.stepwise.graph.WorkflowGraph;
import io.stepwise.spi.WorkflowDefinition;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the processor generated for the test workflows, read without running them. */
class GeneratedDefinitionTest {

  @Test
  void everyGeneratedDefinitionIsListedForServiceLoader() {
    @SuppressWarnings("rawtypes")
    Set<String> names = ServiceLoader.load(WorkflowDefinition.class).stream()
        .map(provider -> provider.get().name())
        .collect(Collectors.toSet());

    assertTrue(
        names.containsAll(Set.of("ChainFlow", "BroadcastJoinFlow", "JoinOrderFlow", "ShapeFlow", "FanOutFlow", "WorkersFlow", "RaceFlow", "TroubleFlow")),
        names.toString());
  }

  @Test
  void chainGraphHasItsStepsEventsAndEdgesSorted() {
    String p = "io.stepwise.behaviour.ChainFlow.";
    WorkflowGraph graph = ChainFlow_Workflow.of(new ChainFlow()).graph();

    assertEquals("ChainFlow", graph.name());
    assertEquals(List.of(step("first"), step("second"), step("third")), graph.steps());
    assertEquals(
        List.of(
            new EventNode(p + "Begin", "ChainFlow.Begin", EventKind.START),
            new EventNode(p + "Finished", "ChainFlow.Finished", EventKind.STOP),
            new EventNode(p + "Last", "ChainFlow.Last", EventKind.INTERNAL),
            new EventNode(p + "Middle", "ChainFlow.Middle", EventKind.INTERNAL)),
        graph.events());
    assertEquals(
        List.of(
            new Edge(EdgeKind.CONSUMES, "first", p + "Begin"),
            new Edge(EdgeKind.CONSUMES, "second", p + "Middle"),
            new Edge(EdgeKind.CONSUMES, "third", p + "Last"),
            new Edge(EdgeKind.PRODUCES, "first", p + "Middle"),
            new Edge(EdgeKind.PRODUCES, "second", p + "Last"),
            new Edge(EdgeKind.PRODUCES, "third", p + "Finished")),
        graph.edges());
  }

  @Test
  void timeoutsComeFromTheAnnotation() {
    assertEquals(Duration.ofSeconds(45), new ChainFlow_Workflow().timeout());
    assertEquals(Duration.ofSeconds(20), new TroubleFlow_Workflow().timeout());
  }

  private static StepNode step(String name) {
    return new StepNode(name, 4, RetrySettings.NONE, Duration.ZERO);
  }
}
