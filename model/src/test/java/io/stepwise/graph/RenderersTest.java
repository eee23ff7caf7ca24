package io.stepwise.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.graph.fixtures.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes per event kind, loops, and bad input, on a graph with every kind of event. */
class RenderersTest {
  private final WorkflowGraph graph = TestGraphs.review();

  @Test
  void mermaidGivesEachEventKindItsShapeAndClass() {
    String mermaid = MermaidRenderer.render(graph);
    assertTrue(mermaid.contains("  ev_Begin([\"Begin\"]):::start\n"), mermaid);
    assertTrue(mermaid.contains("  ev_Done([\"Done\"]):::stop\n"), mermaid);
    assertTrue(mermaid.contains("  ev_Question{{\"Question\"}}:::inputRequired\n"), mermaid);
    assertTrue(mermaid.contains("  ev_Answer[/\"Answer\"/]:::humanResponse\n"), mermaid);
    assertTrue(mermaid.contains("  ev_Retry(\"Retry\"):::event\n"), mermaid);
    assertTrue(mermaid.contains("  step_judge[\"judge\"]:::step\n"), mermaid);
    assertTrue(mermaid.contains("  step_judge --> ev_Retry\n"), mermaid);
    assertTrue(mermaid.contains("  ev_Retry --> step_ask\n"), mermaid);
  }

  @Test
  void dotGivesEachEventKindItsShape() {
    String dot = DotRenderer.render(graph);
    assertTrue(dot.contains("\"ev_Question\" [label=\"Question\", shape=hexagon, fillcolor=\"#fff0a8\""), dot);
    assertTrue(dot.contains("\"ev_Answer\" [label=\"Answer\", shape=parallelogram, fillcolor=\"#e6d7ff\""), dot);
    assertTrue(dot.contains("fontcolor=\"#431407\", peripheries=2];"), dot);
    assertTrue(dot.contains("  \"ev_Retry\" -> \"step_ask\";\n"), dot);
  }

  @Test
  void eventsWhoseLabelsClashGetDistinctIds() {
    var clash = new WorkflowGraph("clash", graph.steps(),
        List.of(new EventNode("a.X", "X", EventKind.START), new EventNode("b.X", "X", EventKind.STOP)),
        List.of(new Edge(EdgeKind.CONSUMES, "ask", "a.X"), new Edge(EdgeKind.PRODUCES, "ask", "b.X")));
    String mermaid = MermaidRenderer.render(clash);
    assertTrue(mermaid.contains("  ev_X --> step_ask\n  step_ask --> ev_X_2\n"), mermaid);
  }

  @Test
  void edgeToAnUnknownEventIsRejectedWithTheFix() {
    var broken = new WorkflowGraph("broken", graph.steps(), List.of(),
        List.of(new Edge(EdgeKind.CONSUMES, "ask", "demo.Ghost")));
    var e = assertThrows(IllegalArgumentException.class, () -> MermaidRenderer.render(broken));
    assertEquals("The graph has an edge to event demo.Ghost, which is not among its events. "
        + "Build the graph with an EventNode for every event an edge names.", e.getMessage());
  }

  @Test
  void jsonRoundTripKeepsRetryAndTimeout() {
    assertEquals(graph, GraphJson.read(GraphJson.write(graph)));
  }

  @Test
  void jsonWithoutStepsIsRejectedNamingTheField() {
    var e = assertThrows(IllegalArgumentException.class, () -> GraphJson.read("{\"name\":\"x\"}"));
    assertEquals("Not a workflow graph: graph has no \"steps\". Pass the output of GraphJson.write.", e.getMessage());
  }

  @Test
  void malformedJsonIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> GraphJson.read("{\"name\":"));
    assertTrue(e.getMessage().startsWith("Not a workflow graph: the text is not valid JSON ("), e.getMessage());
  }
}
