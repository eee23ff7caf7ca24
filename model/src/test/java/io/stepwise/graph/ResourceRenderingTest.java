package io.stepwise.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.graph.fixtures.TestGraphs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Resources in the graph: cylinders with dotted edges, JSON that old texts still read, SVG nodes. */
class ResourceRenderingTest {
  private static final WorkflowGraph GRAPH = TestGraphs.withResources();

  @Test
  void mermaidDrawsResourcesAsCylindersWithDottedEdgesAfterTheEventGraph() {
    String mermaid = MermaidRenderer.render(GRAPH);
    assertTrue(mermaid.endsWith("""
          step_remember --> ev_Done
          res_memory[("memory(): Memory")]:::resource
          res_store[("store(): Store per use")]:::resource
          res_memory -.-> res_store
          res_store -.-> step_remember
        """), mermaid);
    assertTrue(mermaid.contains("  classDef resource fill:#f5f0e6,stroke:#8a6d3b,color:#3b2f1a,stroke-width:1px,"
        + "stroke-dasharray:2 2\n"), mermaid);
  }

  @Test
  void graphsWithoutResourcesDeclareNoResourceClass() {
    var plain = new WorkflowGraph(GRAPH.name(), GRAPH.steps(), GRAPH.events(), GRAPH.edges());
    assertFalse(MermaidRenderer.render(plain).contains("resource"));
    var trace = new ExecutionTrace(Map.of("remember", 1L), Map.of(), Map.of(), Set.of());
    assertFalse(MermaidRenderer.render(plain, trace).contains("resource"));
  }

  @Test
  void dotDrawsResourcesAsCylinders() {
    String dot = DotRenderer.render(GRAPH);
    assertTrue(dot.contains("  \"res_store\" [label=\"store(): Store per use\", shape=cylinder, fillcolor=\"#f5f0e6\""),
        dot);
    assertTrue(dot.contains("  \"res_memory\" -> \"res_store\" [style=dotted];\n"), dot);
    assertTrue(dot.contains("  \"res_store\" -> \"step_remember\" [style=dotted];\n"), dot);
  }

  @Test
  void jsonRoundTripsResources() {
    String json = GraphJson.write(GRAPH);
    assertTrue(json.endsWith(",\"resources\":[{\"name\":\"memory\",\"type\":\"Memory\",\"qualifier\":\"\","
        + "\"cached\":true,\"dependsOn\":[]},{\"name\":\"store\",\"type\":\"Store\",\"qualifier\":\"fast\","
        + "\"cached\":false,\"dependsOn\":[\"memory\"]}],\"resourceUses\":[{\"step\":\"remember\","
        + "\"resource\":\"store\"}]}"), json);
    assertEquals(GRAPH, GraphJson.read(json));
  }

  @Test
  void jsonWithoutResourcesIsWrittenAsBeforeAndReadsAsNoResources() {
    var plain = new WorkflowGraph(GRAPH.name(), GRAPH.steps(), GRAPH.events(), GRAPH.edges());
    String json = GraphJson.write(plain);
    assertFalse(json.contains("resource"), json);
    WorkflowGraph read = GraphJson.read(json);
    assertEquals(List.of(), read.resources());
    assertEquals(List.of(), read.resourceUses());
  }

}
