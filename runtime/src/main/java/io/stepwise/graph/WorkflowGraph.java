package io.stepwise.graph;

import java.util.List;
import java.util.Objects;

/**
 * The static event graph of a workflow, computed by the processor: steps, events, and the
 * edges between them. Lists are sorted by name so renderings are stable.
 */
public record WorkflowGraph(String name, List<StepNode> steps, List<EventNode> events, List<Edge> edges) {
  public WorkflowGraph {
    Objects.requireNonNull(name, "name");
    steps = List.copyOf(steps);
    events = List.copyOf(events);
    edges = List.copyOf(edges);
  }
}
