package io.stepwise.samples.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.graph.GraphJson;
import io.stepwise.graph.MermaidRenderer;
import io.stepwise.spi.WorkflowDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The processor writes each workflow's Mermaid and JSON graph as resources with its own small
 * writer; they must equal what the runtime's renderers make of the generated graph, for every
 * workflow compiled in this module (the triage sample and the behaviour flows).
 */
class GraphResourcesTest {
  @Test
  void processorResourcesEqualRuntimeRenderingsForEveryWorkflow() throws IOException {
    int checked = 0;
    for (WorkflowDefinition<?, ?, ?> definition : ServiceLoader.load(WorkflowDefinition.class)) {
      String name = definition.getClass().getName();
      assertEquals(MermaidRenderer.render(definition.graph()), resource(name + ".mmd"), name);
      assertEquals(GraphJson.write(definition.graph()), resource(name + ".json"), name);
      checked++;
    }
    assertTrue(checked >= 9, "only " + checked + " workflows found");
  }

  private static String resource(String file) throws IOException {
    try (InputStream in = GraphResourcesTest.class.getResourceAsStream("/META-INF/stepwise/graphs/" + file)) {
      assertTrue(in != null, "the processor wrote no META-INF/stepwise/graphs/" + file);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
