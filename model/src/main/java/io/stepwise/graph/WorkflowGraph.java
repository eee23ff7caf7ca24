package io.stepwise.graph;

import java.util.List;
import java.util.Objects;

/**
 * The static event graph of a workflow, computed by the processor: steps, events, and the
 * edges between them, plus the resources steps take. Lists are sorted by name so renderings are
 * stable.
 *
 * @param resources the {@code @Provides} methods, sorted by name; empty for a workflow without any
 * @param resourceUses which step takes which resource, sorted by step then resource
 */
public record WorkflowGraph(String name, List<StepNode> steps, List<EventNode> events, List<Edge> edges,
    List<ResourceNode> resources, List<ResourceUse> resourceUses) {
  public WorkflowGraph {
    Objects.requireNonNull(name, "name");
    steps = List.copyOf(steps);
    events = List.copyOf(events);
    edges = List.copyOf(edges);
    resources = List.copyOf(resources);
    resourceUses = List.copyOf(resourceUses);
  }

  /** A graph without resources. */
  public WorkflowGraph(String name, List<StepNode> steps, List<EventNode> events, List<Edge> edges) {
    this(name, steps, events, edges, List.of(), List.of());
  }
}
