package io.stepwise.server;

import io.stepwise.graph.Edge;
import io.stepwise.graph.ResourceNode;
import io.stepwise.graph.ResourceUse;
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
    // As Python: one "external_step" node stands for the person (or system) outside, when the
    // workflow asks: questions lead to it, and it leads to the answers steps take.
    boolean asks = graph.events().stream().anyMatch(e -> e.kind() == EventKind.INPUT_REQUIRED);
    if (asks) {
      var external = new LinkedHashMap<String, Object>();
      external.put("id", EXTERNAL);
      external.put("label", EXTERNAL);
      external.put("node_type", "external");
      nodes.add(external);
    }
    for (ResourceNode resource : graph.resources()) {
      nodes.add(resourceNode(resource));
    }
    var kinds = new java.util.HashMap<String, EventKind>();
    graph.events().forEach(e -> kinds.put(e.type(), e.kind()));
    var edges = new ArrayList<Object>();
    for (Edge edge : graph.edges()) {
      boolean consumes = edge.kind() == EdgeKind.CONSUMES;
      edges.add(edge(consumes ? edge.event() : edge.step(), consumes ? edge.step() : edge.event(), null));
      EventKind kind = kinds.get(edge.event());
      if (asks && !consumes && kind == EventKind.INPUT_REQUIRED) {
        edges.add(edge(edge.event(), EXTERNAL, null));
      } else if (asks && consumes && kind == EventKind.HUMAN_RESPONSE) {
        edges.add(edge(EXTERNAL, edge.event(), null));
      }
    }
    for (ResourceUse use : graph.resourceUses()) {
      graph.resources().stream().filter(r -> r.name().equals(use.resource())).findFirst()
          .ifPresent(r -> edges.add(edge(use.step(), resourceId(r), use.resource())));
    }
    var json = new LinkedHashMap<String, Object>();
    json.put("name", graph.name());
    json.put("nodes", nodes);
    json.put("edges", edges);
    json.put("description", null);
    return Map.of("graph", json);
  }

  private static final String EXTERNAL = "external_step";

  private static Map<String, Object> edge(String source, String target, String label) {
    var json = new LinkedHashMap<String, Object>();
    json.put("source", source);
    json.put("target", target);
    json.put("label", label);
    return json;
  }

  /** Python's ids are a hash of what identifies the resource; here its unique name in the graph says it. */
  private static String resourceId(ResourceNode resource) {
    return (resource.isConfig() ? "resource_config_" : "resource_") + resource.name();
  }

  /**
   * A {@code @Provides} method as Python's {@code WorkflowResourceNode} (its getter is the method),
   * a {@code @Config} file as its {@code WorkflowResourceConfigNode} ({@code app.json#section}: the
   * section is the path selector). Source positions, docs and config values are not in the
   * compiled graph: null.
   */
  private static Map<String, Object> resourceNode(ResourceNode resource) {
    var node = new LinkedHashMap<String, Object>();
    node.put("id", resourceId(resource));
    String type = simpleType(resource.type());
    node.put("label", type);
    if (resource.isConfig()) {
      int hash = resource.config().indexOf('#');
      node.put("node_type", "resource_config");
      node.put("type_name", type);
      node.put("config_file", hash < 0 ? resource.config() : resource.config().substring(0, hash));
      node.put("path_selector", hash < 0 ? null : resource.config().substring(hash + 1));
      node.put("config_schema", null);
      node.put("config_value", null);
      node.put("description", null);
    } else {
      node.put("node_type", "resource");
      node.put("type_name", type);
      node.put("getter_name", resource.name());
      node.put("source_file", null);
      node.put("source_line", null);
      node.put("description", null);
    }
    return node;
  }

  /**
   * {@code java.util.List<com.acme.Outer.Doc>} → {@code List<Doc>}: the type as Python names it
   * ({@code __name__}), without packages or enclosing classes.
   */
  static String simpleType(String type) {
    return type.replaceAll("\\b(?:[A-Za-z_$][\\w$]*\\.)+", "");
  }

  private static List<String> producers(WorkflowGraph graph, EventNode event) {
    return graph.edges().stream()
        .filter(e -> e.kind() == EdgeKind.PRODUCES && e.event().equals(event.type()))
        .map(Edge::step).distinct().sorted().toList();
  }
}
