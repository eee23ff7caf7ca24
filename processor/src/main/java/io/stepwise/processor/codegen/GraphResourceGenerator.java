package io.stepwise.processor.codegen;

import io.stepwise.graph.GraphJson;
import io.stepwise.graph.MermaidRenderer;
import io.stepwise.graph.WorkflowGraph;
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

  /** The workflow's graph, built once per workflow for the resources and the generated {@code GRAPH}. */
  public static WorkflowGraph graph(EventIndex index) {
    return GraphGenerator.of(index);
  }

  /** The graph as a Mermaid flowchart. */
  public static String mermaid(WorkflowGraph graph) {
    return MermaidRenderer.render(graph);
  }

  /** The graph as compact JSON. */
  public static String json(WorkflowGraph graph) {
    return GraphJson.write(graph);
  }
}
