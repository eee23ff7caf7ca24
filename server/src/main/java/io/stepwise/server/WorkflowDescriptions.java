package io.stepwise.server;

import io.stepwise.graph.Edge;
import io.stepwise.graph.EdgeKind;
import io.stepwise.graph.EventKind;
import io.stepwise.graph.EventNode;
import io.stepwise.graph.StepNode;
import io.stepwise.graph.WorkflowGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the schema, events and representation routes say about a workflow, built from the graph
 * and the type tags the processor generated (no reflection).
 */
final class WorkflowDescriptions {
  private WorkflowDescriptions() {}

  static String role(EventKind kind) {
    return switch (kind) {
      case START -> "StartEvent";
      case STOP -> "StopEvent";
      case INPUT_REQUIRED -> "InputRequiredEvent";
      case HUMAN_RESPONSE -> "HumanResponseEvent";
      case INTERNAL -> null;
    };
  }

  /** {@code {"events": [...]}}: a schema per event type of the graph. */
  static Map<String, Object> events(WorkflowGraph graph, EventSchemas schemas) {
    var events = new ArrayList<Object>();
    for (EventNode event : graph.events()) {
      events.add(schemas.schema(event.type(), role(event.kind())));
    }
    return Map.of("events", events);
  }

  /**
   * {@code {"graph": {...}}} in the shape of the Python library's {@code WorkflowGraph}: step and
   * event nodes, edges from an event to the steps that take it and from a step to what it emits.
   */
  static Map<String, Object> representation(WorkflowGraph graph, EventSchemas schemas) {
    var nodes = new ArrayList<Object>();
    for (StepNode step : graph.steps()) {
      var node = new LinkedHashMap<String, Object>();
      node.put("id", step.name());
      node.put("label", step.name());
      node.put("node_type", "step");
      node.put("description", null);
      nodes.add(node);
    }
    for (EventNode event : graph.events()) {
      String name = EventEnvelopes.simpleName(event.type());
      var types = new ArrayList<String>();
      types.add(name);
      String role = role(event.kind());
      if (role != null) {
        types.add(role);
      }
      var node = new LinkedHashMap<String, Object>();
      node.put("id", event.type());
      node.put("label", event.label());
      node.put("node_type", "event");
      node.put("event_type", name);
      node.put("event_types", types);
      node.put("event_schema", schemas.schema(event.type(), role));
      node.put("produced_by", producers(graph, event));
      nodes.add(node);
    }
    var edges = new ArrayList<Object>();
    for (Edge edge : graph.edges()) {
      var json = new LinkedHashMap<String, Object>();
      boolean consumes = edge.kind() == EdgeKind.CONSUMES;
      json.put("source", consumes ? edge.event() : edge.step());
      json.put("target", consumes ? edge.step() : edge.event());
      json.put("label", null);
      edges.add(json);
    }
    var json = new LinkedHashMap<String, Object>();
    json.put("name", graph.name());
    json.put("nodes", nodes);
    json.put("edges", edges);
    json.put("description", null);
    return Map.of("graph", json);
  }

  private static List<String> producers(WorkflowGraph graph, EventNode event) {
    return graph.edges().stream()
        .filter(e -> e.kind() == EdgeKind.PRODUCES && e.event().equals(event.type()))
        .map(Edge::step).distinct().sorted().toList();
  }
}
