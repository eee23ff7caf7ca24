package io.stepwise.graph;

import java.io.StringWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The graph as compact JSON, for tools: {@code {"name", "steps": [{"name", "workers", "timeout",
 * "retry": {...}, "join"}], "events": [{"type", "label", "kind"}], "edges": [{"kind", "step", "event"}]}};
 * durations are ISO-8601 strings; {@code "join": true} is written only for a join step. A graph with resources adds {@code "resources": [{"name", "type",
 * "qualifier", "cached", "dependsOn", "config"}]} ({@code "config"} only for a config file) and {@code "resourceUses": [{"step", "resource"}]}; without
 * them both are absent, so older readers and older texts keep working. {@link #read} accepts what
 * {@link #write} writes.
 */
public final class GraphJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private GraphJson() {}

  public static String write(WorkflowGraph graph) {
    var text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), text)) {
      json.writeStartObject();
      json.writeStringProperty("name", graph.name());
      json.writeName("steps");
      json.writeStartArray();
      for (StepNode step : graph.steps()) {
        json.writeStartObject();
        json.writeStringProperty("name", step.name());
        json.writeNumberProperty("workers", step.workers());
        json.writeStringProperty("timeout", step.timeout().toString());
        json.writeName("retry");
        writeRetry(json, step.retry());
        if (step.join()) {
          json.writeBooleanProperty("join", true); // only when true: texts without joins read as before
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeName("events");
      json.writeStartArray();
      for (EventNode event : graph.events()) {
        json.writeStartObject();
        json.writeStringProperty("type", event.type());
        json.writeStringProperty("label", event.label());
        json.writeStringProperty("kind", event.kind().name());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeName("edges");
      json.writeStartArray();
      for (Edge edge : graph.edges()) {
        json.writeStartObject();
        json.writeStringProperty("kind", edge.kind().name());
        json.writeStringProperty("step", edge.step());
        json.writeStringProperty("event", edge.event());
        json.writeEndObject();
      }
      json.writeEndArray();
      if (!graph.resources().isEmpty()) {
        writeResources(json, graph);
      }
      json.writeEndObject();
    }
    return text.toString();
  }

  // Written only when there are resources, so graphs without any read as before.
  private static void writeResources(JsonGenerator json, WorkflowGraph graph) {
    json.writeName("resources");
    json.writeStartArray();
    for (ResourceNode resource : graph.resources()) {
      json.writeStartObject();
      json.writeStringProperty("name", resource.name());
      json.writeStringProperty("type", resource.type());
      json.writeStringProperty("qualifier", resource.qualifier());
      json.writeBooleanProperty("cached", resource.cached());
      writeStrings(json, "dependsOn", resource.dependsOn());
      if (resource.isConfig()) {
        json.writeStringProperty("config", resource.config()); // only for config files
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeName("resourceUses");
    json.writeStartArray();
    for (ResourceUse use : graph.resourceUses()) {
      json.writeStartObject();
      json.writeStringProperty("step", use.step());
      json.writeStringProperty("resource", use.resource());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeRetry(JsonGenerator json, RetrySettings retry) {
    json.writeStartObject();
    json.writeNumberProperty("maxAttempts", retry.maxAttempts());
    json.writeStringProperty("delay", retry.delay().toString());
    json.writeNumberProperty("backoff", retry.backoff());
    json.writeStringProperty("maxDelay", retry.maxDelay().toString());
    json.writeNumberProperty("jitter", retry.jitter());
    writeStrings(json, "on", retry.on());
    writeStrings(json, "notOn", retry.notOn());
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String name, List<String> values) {
    json.writeName(name);
    json.writeStartArray();
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /**
   * Reads a graph written by {@link #write}.
   *
   * @throws IllegalArgumentException when the text is not such a graph, naming what is wrong
   */
  public static WorkflowGraph read(String text) {
    Object root;
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      parser.nextToken();
      root = value(parser);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("Not a workflow graph: the text is not valid JSON (" + e.getOriginalMessage()
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

  private static Object value(JsonParser parser) {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IllegalArgumentException("Not a workflow graph: the text is empty. Pass the output of GraphJson.write.");
    }
    return switch (token) {
      case START_OBJECT -> {
        var map = new LinkedHashMap<String, Object>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, value(parser));
        }
        yield map;
      }
      case START_ARRAY -> {
        var list = new ArrayList<Object>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(parser));
        }
        yield list;
      }
      case VALUE_STRING -> parser.getString();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NUMBER_INT -> parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      default -> throw new IllegalArgumentException("Not a workflow graph: unexpected " + token
          + ". Pass the output of GraphJson.write.");
    };
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
