package io.stepwise.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Identifiers of the nodes in a rendered graph: {@code step_<name>}, {@code res_<name>} and {@code ev_<label>}, with a
 * numeric suffix when two event labels reduce to the same identifier. The prefixes keep ids clear
 * of Mermaid's keywords ({@code end}, {@code graph}).
 */
public final class NodeIds {
  private final Map<String, String> events = new HashMap<>();

  public NodeIds(WorkflowGraph graph) {
    Set<String> used = new HashSet<>();
    for (EventNode event : graph.events()) {
      String base = "ev_" + event.label().replaceAll("[^A-Za-z0-9_]", "_");
      String id = base;
      for (int n = 2; !used.add(id); n++) {
        id = base + "_" + n;
      }
      events.put(event.type(), id);
    }
  }

  public static String step(String name) {
    return "step_" + name;
  }

  public static String resource(String name) {
    return "res_" + name;
  }

  public String event(String type) {
    String id = events.get(type);
    if (id == null) {
      throw new IllegalArgumentException("The graph has an edge to event " + type
          + ", which is not among its events. Build the graph with an EventNode for every event an edge names.");
    }
    return id;
  }
}
