package io.stepwise.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A question is drawn leading to its human answer, so review loops close; a join looks unlike a union step. */
class AnswersAndJoinsTest {
  private static final String P = "demo.";
  private final WorkflowGraph review = LoopGraphs.review();

  /** merge takes Left and Right as a join; either takes Left or Right, whichever comes. */
  private static WorkflowGraph joinAndUnion() {
    return new WorkflowGraph("fork",
        List.of(new StepNode("either", 4, RetrySettings.NONE, Duration.ZERO),
            new StepNode("merge", 4, RetrySettings.NONE, Duration.ZERO, true)),
        List.of(new EventNode(P + "Left", "Left", EventKind.START), new EventNode(P + "Right", "Right", EventKind.INTERNAL),
            new EventNode(P + "Done", "Done", EventKind.STOP)),
        List.of(new Edge(EdgeKind.CONSUMES, "either", P + "Left"), new Edge(EdgeKind.CONSUMES, "either", P + "Right"),
            new Edge(EdgeKind.CONSUMES, "merge", P + "Left"), new Edge(EdgeKind.CONSUMES, "merge", P + "Right"),
            new Edge(EdgeKind.PRODUCES, "merge", P + "Done")));
  }

  @Test
  void mermaidLinksTheQuestionToItsAnswer() {
    String mermaid = MermaidRenderer.render(review);

    assertTrue(mermaid.contains("  step_judge --> ev_Retry\n  ev_Question -. answer .-> ev_Answer\n"), mermaid);
  }

  @Test
  void dotLinksTheQuestionToItsAnswer() {
    String dot = DotRenderer.render(review);

    assertTrue(dot.contains("  \"ev_Question\" -> \"ev_Answer\" [style=dashed, label=\"answer\", color=\"#6d28d9\"];\n"),
        dot);
  }

  @Test
  void layoutPlacesTheAnswerBelowItsQuestionSoTheReviewLoopCloses() {
    var ids = new NodeIds(review);
    var labels = new HashMap<String, String>();
    review.steps().forEach(s -> labels.put(NodeIds.step(s.name()), s.name()));
    review.events().forEach(e -> labels.put(ids.event(e.type()), e.label()));
    var layout = new GraphLayout(review, labels, ids);

    // Begin -> ask -> Question -> Answer -> judge -> Retry, and Retry -> ask closes the loop.
    assertEquals(List.of(0, 1, 2, 3, 4, 5), List.of("ev_Begin", "step_ask", "ev_Question", "ev_Answer", "step_judge",
        "ev_Retry").stream().map(id -> layout.box(id).layer()).toList());
    assertEquals(List.of("ev_Retry->step_ask"), layout.links().stream().filter(GraphLayout.Link::back)
        .map(l -> l.from() + "->" + l.to()).toList());
    assertTrue(SvgRenderer.render(review).contains("<path class=\"answer\" "), SvgRenderer.render(review));
  }

  @Test
  void graphWithoutQuestionsHasNoAnswerLinks() {
    assertFalse(MermaidRenderer.render(joinAndUnion()).contains("answer"));
  }

  @Test
  void joinIsDrawnWithDoubleSidesAndAUnionStepAsAPlainBox() {
    var graph = joinAndUnion();

    String mermaid = MermaidRenderer.render(graph);
    assertTrue(mermaid.contains("  step_either[\"either\"]:::step\n  step_merge[[\"merge\"]]:::step\n"), mermaid);
    String dot = DotRenderer.render(graph);
    assertTrue(dot.contains("\"step_merge\" [label=\"merge\", shape=box, fillcolor=\"#dbe8ff\", color=\"#2f5faf\","
        + " fontcolor=\"#10213f\", peripheries=2];"), dot);
    assertTrue(dot.contains("\"step_either\" [label=\"either\", shape=box, fillcolor=\"#dbe8ff\", color=\"#2f5faf\","
        + " fontcolor=\"#10213f\"];"), dot);
    String svg = SvgRenderer.render(graph);
    assertTrue(svg.contains("<g class=\"node join\"><title>join step merge: workers 4</title>"), svg);
    assertTrue(svg.contains("<g class=\"node step\"><title>step either: workers 4</title>"), svg);
  }

  @Test
  void joinSurvivesJsonAndOnlyJoinsSayIt() {
    var graph = joinAndUnion();
    String json = GraphJson.write(graph);

    assertTrue(json.contains("\"name\":\"merge\",\"workers\":4,\"timeout\":\"PT0S\",\"retry\":{"), json);
    assertTrue(json.contains("\"notOn\":[]},\"join\":true}"), json);
    assertEquals(1, json.split("\"join\"", -1).length - 1, json);
    assertEquals(graph, GraphJson.read(json));
  }
}
