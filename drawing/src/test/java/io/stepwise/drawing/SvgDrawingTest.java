package io.stepwise.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.graph.NodeIds;
import io.stepwise.graph.WorkflowGraph;
import io.stepwise.graph.fixtures.TestGraphs;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout's layers and back edges, and what the SVG shows for steps, joins, questions and resources. */
class SvgDrawingTest {
  private final WorkflowGraph review = TestGraphs.review();

  @Test
  void svgShowsStepSettingsAndDrawsHumanInTheLoopShapes() {
    String svg = SvgRenderer.render(review);
    assertTrue(svg.contains("<title>step judge: workers 1, retry 3 attempts, delay 500ms ×2.0, timeout 30s</title>"), svg);
    assertTrue(svg.contains("<g class=\"node INPUT_REQUIRED\"><title>demo.Question (INPUT_REQUIRED)</title><polygon points="), svg);
    assertTrue(svg.contains("<g class=\"node HUMAN_RESPONSE\"><title>demo.Answer (HUMAN_RESPONSE)</title><polygon points="), svg);
  }

  @Test
  void layoutSetsTheLoopsClosingEdgeAsideAndLayersTheRest() {
    // start -> go -> Next -> again -> Next2 -> go (a loop), and go -> End.
    WorkflowGraph loop = TestGraphs.loop();
    GraphLayout layout = layout(loop);

    assertEquals(List.of("ev_Next2->step_go"), layout.links().stream().filter(GraphLayout.Link::back)
        .map(l -> l.from() + "->" + l.to()).toList());
    assertEquals(List.of(0, 1, 2, 2, 3, 4), List.of("ev_Start", "step_go", "ev_Next", "ev_End", "step_again", "ev_Next2")
        .stream().map(id -> layout.box(id).layer()).toList());
    assertTrue(SvgRenderer.render(loop).contains(" marker-end=\"url(#arrow)\"/>"));
  }

  @Test
  void layoutPlacesTheAnswerBelowItsQuestionSoTheReviewLoopCloses() {
    GraphLayout layout = layout(review);

    // Begin -> ask -> Question -> Answer -> judge -> Retry, and Retry -> ask closes the loop.
    assertEquals(List.of(0, 1, 2, 3, 4, 5), List.of("ev_Begin", "step_ask", "ev_Question", "ev_Answer", "step_judge",
        "ev_Retry").stream().map(id -> layout.box(id).layer()).toList());
    assertEquals(List.of("ev_Retry->step_ask"), layout.links().stream().filter(GraphLayout.Link::back)
        .map(l -> l.from() + "->" + l.to()).toList());
    assertTrue(SvgRenderer.render(review).contains("<path class=\"answer\" "), SvgRenderer.render(review));
  }

  @Test
  void joinIsDrawnAsAJoinAndAUnionStepAsAPlainStep() {
    String svg = SvgRenderer.render(TestGraphs.joinAndUnion());
    assertTrue(svg.contains("<g class=\"node join\"><title>join step merge: workers 4</title>"), svg);
    assertTrue(svg.contains("<g class=\"node step\"><title>step either: workers 4</title>"), svg);
  }

  @Test
  void svgDrawsEachResourceAsANodeWithItsDetails() {
    String svg = SvgRenderer.render(TestGraphs.withResources());
    assertTrue(svg.contains("<g class=\"node RESOURCE\"><title>resource store: Store named &quot;fast&quot;,"
        + " created for each use</title>"), svg);
    assertTrue(svg.contains(">memory(): Memory</text>"), svg);
  }

  private static GraphLayout layout(WorkflowGraph graph) {
    var ids = new NodeIds(graph);
    var labels = new HashMap<String, String>();
    graph.steps().forEach(s -> labels.put(NodeIds.step(s.name()), s.name()));
    graph.events().forEach(e -> labels.put(ids.event(e.type()), e.label()));
    return new GraphLayout(graph, labels, ids);
  }
}
