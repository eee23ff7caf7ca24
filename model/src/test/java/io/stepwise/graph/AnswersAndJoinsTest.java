package io.stepwise.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.graph.fixtures.TestGraphs;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A question is drawn leading to its human answer, so review loops close; a join looks unlike a union step. */
class AnswersAndJoinsTest {
  private static final String P = "demo.";
  private final WorkflowGraph review = TestGraphs.review();

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
  void graphWithoutQuestionsHasNoAnswerLinks() {
    assertFalse(MermaidRenderer.render(TestGraphs.joinAndUnion()).contains("answer"));
  }

  @Test
  void joinIsDrawnWithDoubleSidesAndAUnionStepAsAPlainBox() {
    var graph = TestGraphs.joinAndUnion();

    String mermaid = MermaidRenderer.render(graph);
    assertTrue(mermaid.contains("  step_either[\"either\"]:::step\n  step_merge[[\"merge\"]]:::step\n"), mermaid);
    String dot = DotRenderer.render(graph);
    assertTrue(dot.contains("\"step_merge\" [label=\"merge\", shape=box, fillcolor=\"#dbe8ff\", color=\"#2f5faf\","
        + " fontcolor=\"#10213f\", peripheries=2];"), dot);
    assertTrue(dot.contains("\"step_either\" [label=\"either\", shape=box, fillcolor=\"#dbe8ff\", color=\"#2f5faf\","
        + " fontcolor=\"#10213f\"];"), dot);
  }

  @Test
  void joinSurvivesJsonAndOnlyJoinsSayIt() {
    var graph = TestGraphs.joinAndUnion();
    String json = GraphJson.write(graph);

    assertTrue(json.contains("\"name\":\"merge\",\"workers\":4,\"timeout\":\"PT0S\",\"retry\":{"), json);
    assertTrue(json.contains("\"notOn\":[]},\"join\":true}"), json);
    assertEquals(1, json.split("\"join\"", -1).length - 1, json);
    assertEquals(graph, GraphJson.read(json));
  }
}
