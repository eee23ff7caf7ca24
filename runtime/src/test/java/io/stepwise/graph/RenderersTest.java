package io.stepwise.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes per event kind, loops, and bad input, on a graph with every kind of event. */
class RenderersTest {
  private final WorkflowGraph graph = LoopGraphs.review();

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
  void svgShowsStepSettingsAndDrawsHumanInTheLoopShapes() {
    String svg = SvgRenderer.render(graph);
    assertTrue(svg.contains("<title>step judge: workers 1, retry 3 attempts, delay 500ms ×2.0, timeout 30s</title>"), svg);
    assertTrue(svg.contains("<g class=\"node INPUT_REQUIRED\"><title>demo.Question (INPUT_REQUIRED)</title><polygon points="), svg);
    assertTrue(svg.contains("<g class=\"node HUMAN_RESPONSE\"><title>demo.Answer (HUMAN_RESPONSE)</title><polygon points="), svg);
  }

  @Test
  void layoutSetsTheLoopsClosingEdgeAsideAndLayersTheRest() {
    // start -> go -> Next -> again -> Next2 -> go (a loop), and go -> End.
    var loop = new WorkflowGraph("loop",
        List.of(new StepNode("again", 4, RetrySettings.NONE, java.time.Duration.ZERO),
            new StepNode("go", 4, RetrySettings.NONE, java.time.Duration.ZERO)),
        List.of(new EventNode("d.End", "End", EventKind.STOP), new EventNode("d.Next", "Next", EventKind.INTERNAL),
            new EventNode("d.Next2", "Next2", EventKind.INTERNAL), new EventNode("d.Start", "Start", EventKind.START)),
        List.of(new Edge(EdgeKind.CONSUMES, "again", "d.Next"), new Edge(EdgeKind.CONSUMES, "go", "d.Next2"),
            new Edge(EdgeKind.CONSUMES, "go", "d.Start"), new Edge(EdgeKind.PRODUCES, "again", "d.Next2"),
            new Edge(EdgeKind.PRODUCES, "go", "d.End"), new Edge(EdgeKind.PRODUCES, "go", "d.Next")));
    var ids = new NodeIds(loop);
    var labels = new java.util.HashMap<String, String>();
    loop.steps().forEach(s -> labels.put(NodeIds.step(s.name()), s.name()));
    loop.events().forEach(e -> labels.put(ids.event(e.type()), e.label()));
    var layout = new GraphLayout(loop, labels, ids);

    assertEquals(List.of("ev_Next2->step_go"), layout.links().stream().filter(GraphLayout.Link::back)
        .map(l -> l.from() + "->" + l.to()).toList());
    assertEquals(List.of(0, 1, 2, 2, 3, 4), List.of("ev_Start", "step_go", "ev_Next", "ev_End", "step_again", "ev_Next2")
        .stream().map(id -> layout.box(id).layer()).toList());
    assertTrue(SvgRenderer.render(loop).contains(" marker-end=\"url(#arrow)\"/>"));
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
