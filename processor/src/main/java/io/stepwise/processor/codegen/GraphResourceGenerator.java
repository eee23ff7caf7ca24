package io.stepwise.processor.codegen;

import io.stepwise.graph.GraphJson;
import io.stepwise.graph.MermaidRenderer;
import io.stepwise.processor.model.EventIndex;

/**
 * The graph resources written next to the generated code, {@code META-INF/stepwise/graphs/<definition
 * binary name>.mmd} and {@code .json}, so documentation and tools can use a workflow's graph without
 * running anything. Written by the model module's own writers, from the same graph the generated
 * {@code GRAPH} constant holds.
 */
public final class GraphResourceGenerator {
  public static final String DIRECTORY = "META-INF/stepwise/graphs/";

  private GraphResourceGenerator() {}

  /** The resource path for a definition, e.g. {@code META-INF/stepwise/graphs/com.acme.Foo_Workflow.mmd}. */
  public static String path(String definitionBinaryName, String extension) {
    return DIRECTORY + definitionBinaryName + "." + extension;
  }

  /** The graph as a Mermaid flowchart. */
  public static String mermaid(EventIndex index) {
    return MermaidRenderer.render(GraphGenerator.of(index));
  }

  /** The graph as compact JSON. */
  public static String json(EventIndex index) {
    return GraphJson.write(GraphGenerator.of(index));
  }
}
