package io.stepwise.graph;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The graph as compact JSON, for tools: {@code {"name", "steps": [{"name", "workers", "timeout",
 * "retry": {...}, "join"}], "events": [{"type", "label", "kind"}], "edges": [{"kind", "step", "event"}]}};
 * durations are ISO-8601 strings; {@code "join": true} is written only for a join step. A graph with resources adds {@code "resources": [{"name", "type",
 * "qualifier", "cached", "dependsOn", "config"}]} ({@code "config"} only for a config file) and {@code "resourceUses": [{"step", "resource"}]}; without
 * them both are absent, so older readers and older texts keep working. {@link #read} accepts what
 * {@link #write} writes.
 *
 * <p>This is the one writer of the format: the processor calls it at build time for the
 * {@code META-INF/stepwise/graphs/*.json} resources, and tools call it at run time.
 */
public final class GraphJson {
  private GraphJson() {}

  public static String write(WorkflowGraph graph) {
    var json = new StringBuilder("{\"name\":").append(JsonText.string(graph.name())).append(",\"steps\":[");
    String separator = "";
    for (StepNode step : graph.steps()) {
      json.append(separator).append("{\"name\":").append(JsonText.string(step.name()))
          .append(",\"workers\":").append(step.workers())
          .append(",\"timeout\":").append(JsonText.string(step.timeout().toString()))
          .append(",\"retry\":");
      writeRetry(json, step.retry());
      // "join" only when true: texts without joins read as before.
      json.append(step.join() ? ",\"join\":true}" : "}");
      separator = ",";
    }
    json.append("],\"events\":[");
    separator = "";
    for (EventNode event : graph.events()) {
      json.append(separator).append("{\"type\":").append(JsonText.string(event.type()))
          .append(",\"label\":").append(JsonText.string(event.label()))
          .append(",\"kind\":").append(JsonText.string(event.kind().name())).append('}');
      separator = ",";
    }
    json.append("],\"edges\":[");
    separator = "";
    for (Edge edge : graph.edges()) {
      json.append(separator).append("{\"kind\":").append(JsonText.string(edge.kind().name()))
          .append(",\"step\":").append(JsonText.string(edge.step()))
          .append(",\"event\":").append(JsonText.string(edge.event())).append('}');
      separator = ",";
    }
    json.append(']');
    if (!graph.resources().isEmpty()) {
      writeResources(json, graph);
    }
    return json.append('}').toString();
  }

  // Written only when there are resources, so graphs without any read as before.
  private static void writeResources(StringBuilder json, WorkflowGraph graph) {
    json.append(",\"resources\":[");
    String separator = "";
    for (ResourceNode resource : graph.resources()) {
      json.append(separator).append("{\"name\":").append(JsonText.string(resource.name()))
          .append(",\"type\":").append(JsonText.string(resource.type()))
          .append(",\"qualifier\":").append(JsonText.string(resource.qualifier()))
          .append(",\"cached\":").append(resource.cached())
          .append(",\"dependsOn\":").append(JsonText.strings(resource.dependsOn()));
      if (resource.isConfig()) {
        json.append(",\"config\":").append(JsonText.string(resource.config())); // only for config files
      }
      json.append('}');
      separator = ",";
    }
    json.append("],\"resourceUses\":[");
    separator = "";
    for (ResourceUse use : graph.resourceUses()) {
      json.append(separator).append("{\"step\":").append(JsonText.string(use.step()))
          .append(",\"resource\":").append(JsonText.string(use.resource())).append('}');
      separator = ",";
    }
    json.append(']');
  }

  private static void writeRetry(StringBuilder json, RetrySettings retry) {
    json.append("{\"maxAttempts\":").append(retry.maxAttempts())
        .append(",\"delay\":").append(JsonText.string(retry.delay().toString()))
        .append(",\"backoff\":").append(retry.backoff())
        .append(",\"maxDelay\":").append(JsonText.string(retry.maxDelay().toString()))
        .append(",\"jitter\":").append(retry.jitter())
        .append(",\"on\":").append(JsonText.strings(retry.on()))
        .append(",\"notOn\":").append(JsonText.strings(retry.notOn()))
        .append('}');
  }

  /**
   * Reads a graph written by {@link #write}.
   *
   * @throws IllegalArgumentException when the text is not such a graph, naming what is wrong
   */
  public static WorkflowGraph read(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException("Not a workflow graph: the text is empty. Pass the output of GraphJson.write.");
    }
    Object root;
    try {
      root = JsonText.parse(text);
    } catch (JsonText.Malformed e) {
      throw new IllegalArgumentException("Not a workflow graph: the text is not valid JSON (" + e.getMessage()
          + "). Pass the output of GraphJson.write.", e);
    }
    try {
      var graph = new Fields(root, "graph");
      var steps = new ArrayList<StepNode>();
      for (Object s : graph.list("steps")) {
        var step = new Fields(s, "step");
        var retry = new Fields(step.get("retry"), "retry");
        steps.add(new StepNode(step.string("name"), step.number("workers").intValue(),
            new RetrySettings(retry.number("maxAttempts").intValue(), retry.duration("delay"),
                retry.number("backoff").doubleValue(), retry.duration("maxDelay"), retry.number("jitter").doubleValue(),
                retry.strings("on"), retry.strings("notOn")),
            step.duration("timeout"), step.map().containsKey("join") && step.bool("join")));
      }
      var events = new ArrayList<EventNode>();
      for (Object e : graph.list("events")) {
        var event = new Fields(e, "event");
        events.add(new EventNode(event.string("type"), event.string("label"), EventKind.valueOf(event.string("kind"))));
      }
      var edges = new ArrayList<Edge>();
      for (Object e : graph.list("edges")) {
        var edge = new Fields(e, "edge");
        edges.add(new Edge(EdgeKind.valueOf(edge.string("kind")), edge.string("step"), edge.string("event")));
      }
      var resources = new ArrayList<ResourceNode>();
      var uses = new ArrayList<ResourceUse>();
      if (graph.map().containsKey("resources")) {
        for (Object r : graph.list("resources")) {
          var resource = new Fields(r, "resource");
          resources.add(new ResourceNode(resource.string("name"), resource.string("type"),
              resource.string("qualifier"), resource.bool("cached"), resource.strings("dependsOn"),
              resource.map().containsKey("config") ? resource.string("config") : ""));
        }
        for (Object u : graph.list("resourceUses")) {
          var use = new Fields(u, "resourceUse");
          uses.add(new ResourceUse(use.string("step"), use.string("resource")));
        }
      }
      return new WorkflowGraph(graph.string("name"), steps, events, edges, resources, uses);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new IllegalArgumentException("Not a workflow graph: " + e.getMessage() + ". Pass the output of GraphJson.write.", e);
    }
  }

  /** A JSON object being read, whose errors name the field that is missing or of the wrong type. */
  private record Fields(Map<?, ?> map, String what) {
    Fields(Object value, String what) {
      this(value instanceof Map<?, ?> m ? m : fail(what + " is not a JSON object"), what);
    }

    Object get(String name) {
      Object value = map.get(name);
      if (value == null) {
        fail(what + " has no \"" + name + "\"");
      }
      return value;
    }

    String string(String name) {
      return get(name) instanceof String s ? s : fail(what + "." + name + " is not a string");
    }

    boolean bool(String name) {
      return get(name) instanceof Boolean b ? b : fail(what + "." + name + " is not a boolean");
    }

    Number number(String name) {
      return get(name) instanceof Number n ? n : fail(what + "." + name + " is not a number");
    }

    Duration duration(String name) {
      return Duration.parse(string(name));
    }

    List<?> list(String name) {
      return get(name) instanceof List<?> l ? l : fail(what + "." + name + " is not an array");
    }

    List<String> strings(String name) {
      var out = new ArrayList<String>();
      for (Object o : list(name)) {
        out.add(o instanceof String s ? s : fail(what + "." + name + " holds a non-string"));
      }
      return out;
    }

    private static <T> T fail(String message) {
      throw new IllegalArgumentException(message);
    }
  }
}
