package io.stepwise.samples.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.graph.DotRenderer;
import io.stepwise.graph.EdgeKind;
import io.stepwise.graph.EventKind;
import io.stepwise.graph.GraphJson;
import io.stepwise.graph.MermaidRenderer;
import io.stepwise.graph.WorkflowGraph;
import io.stepwise.samples.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The triage sample's graph as Mermaid and DOT (golden files) and as JSON. */
class TriageDrawingTest {
  private final WorkflowGraph graph = Samples.find("triage").orElseThrow().graph().get();

  @Test
  void mermaidMatchesGoldenFile() throws IOException {
    assertGolden("triage.mmd", MermaidRenderer.render(graph));
  }

  @Test
  void dotMatchesGoldenFile() throws IOException {
    assertGolden("triage.dot", DotRenderer.render(graph));
  }

  @Test
  void jsonReadsBackToTheSameGraph() {
    assertEquals(graph, GraphJson.read(GraphJson.write(graph)));
  }

  @Test
  void jsonListsStepsEventsAndEdgesInGraphOrder() {
    String json = GraphJson.write(graph);
    assertTrue(json.startsWith("{\"name\":\"TriageFlow\",\"steps\":[{\"name\":\"autoReply\",\"workers\":4,"
        + "\"timeout\":\"PT0S\",\"retry\":{\"maxAttempts\":1,\"delay\":\"PT0S\",\"backoff\":1.0,\"maxDelay\":\"PT0S\","
        + "\"jitter\":0.0,\"on\":[],\"notOn\":[]}},"), json);
    WorkflowGraph read = GraphJson.read(json);
    assertEquals(List.of("autoReply", "escalate", "receive", "route", "sentiment", "topics"),
        read.steps().stream().map(s -> s.name()).toList());
    assertEquals(1, read.steps().stream().filter(s -> s.workers() == 1).count());
    assertEquals(List.of(EventKind.INTERNAL, EventKind.INTERNAL, EventKind.INTERNAL, EventKind.START,
        EventKind.STOP, EventKind.INTERNAL, EventKind.INTERNAL), read.events().stream().map(e -> e.kind()).toList());
    assertEquals(7, read.edges().stream().filter(e -> e.kind() == EdgeKind.CONSUMES).count());
    assertEquals(7, read.edges().stream().filter(e -> e.kind() == EdgeKind.PRODUCES).count());
  }

  static void assertGolden(String name, String actual) throws IOException {
    if (System.getenv("STEPWISE_UPDATE_GOLDEN") != null) {
      // Run from samples/ to rewrite the golden file after an intended change, then review the diff.
      Files.writeString(Path.of("src/test/resources/golden/" + name), actual);
    }
    try (InputStream in = TriageDrawingTest.class.getResourceAsStream("/golden/" + name)) {
      assertTrue(in != null, "missing golden file " + name);
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual);
    }
  }
}
