package io.stepwise.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.server.flows.PatientFlow;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workflow's {@code @Provides} resources in {@code GET /workflows/{name}/representation}, as Python's resource nodes. */
class RepresentationResourcesTest {
  @TempDir Path dir;

  @Test
  void aProvidedResourceIsAResourceNodeWithAnEdgeFromTheStepThatTakesIt() {
    try (var server = ServerFixture.builder(dir).workflow(PatientFlow.class, new PatientFlow()).build().start()) {
      var graph = JsonTree.asObject(new Http(server.port()).get("/workflows/patient/representation").json()
          .get("graph"));
      var nodes = ((List<?>) graph.get("nodes")).stream().map(JsonTree::asObject)
          .filter(n -> n.get("node_type").equals("resource")).toList();
      var expected = new LinkedHashMap<String, Object>();
      expected.put("id", "resource_phrasing");
      expected.put("label", "Phrasing");
      expected.put("node_type", "resource");
      expected.put("type_name", "Phrasing");
      expected.put("getter_name", "phrasing");
      expected.put("source_file", null);
      expected.put("source_line", null);
      expected.put("description", null);
      assertEquals(List.of(expected), nodes);
      var edges = ((List<?>) graph.get("edges")).stream().map(JsonTree::asObject)
          .filter(e -> "resource_phrasing".equals(e.get("target"))).toList();
      assertEquals(List.of(Map.of("source", "ask", "target", "resource_phrasing", "label", "phrasing")), edges);
    }
  }
}
