package io.stepwise.graph;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one run did, over its static graph: how many times each step ran, how many events went
 * along each edge, which events were emitted, and which step failed. A run records one when its
 * options ask for a trace ({@code WorkflowHandler.trace()}); draw it with {@link MermaidRenderer},
 * {@link DotRenderer} or
 * {@link HtmlPage}. Nodes and edges absent from the maps were never used.
 *
 * @param runs executions started per step name
 * @param edges events per edge: a {@link EdgeKind#PRODUCES} edge counts emissions by its step, a
 *     {@link EdgeKind#CONSUMES} edge counts deliveries to its step
 * @param emitted events emitted per event type (canonical name), including those from outside the run
 * @param failedSteps steps whose failure was final (retries exhausted)
 */
public record ExecutionTrace(
    Map<String, Long> runs, Map<Edge, Long> edges, Map<String, Long> emitted, Set<String> failedSteps) {

  public ExecutionTrace {
    runs = Map.copyOf(runs);
    edges = Map.copyOf(edges);
    emitted = Map.copyOf(emitted);
    failedSteps = Set.copyOf(failedSteps);
  }

  /** Executions of {@code step}, 0 if it never ran. */
  public long runs(String step) {
    return runs.getOrDefault(step, 0L);
  }

  /** Events that went along {@code edge}, 0 if none did. */
  public long count(Edge edge) {
    return edges.getOrDefault(edge, 0L);
  }

  /** Whether {@code step} is one whose failure was final. */
  public boolean failed(String step) {
    return failedSteps.contains(step);
  }

  /** Whether any event of this type was emitted or delivered in the run. */
  public boolean seen(String eventType) {
    return emitted.getOrDefault(eventType, 0L) > 0
        || edges.entrySet().stream().anyMatch(e -> e.getKey().event().equals(eventType) && e.getValue() > 0);
  }

  /** Runs per step, sorted by step name: a stable form for messages and tests. */
  public Map<String, Long> sortedRuns() {
    return new TreeMap<>(runs);
  }

  /** Failed steps, sorted. */
  public Set<String> sortedFailedSteps() {
    return new TreeSet<>(failedSteps);
  }
}
