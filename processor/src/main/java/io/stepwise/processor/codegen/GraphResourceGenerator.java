package io.stepwise.processor.codegen;

import com.palantir.javapoet.ClassName;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventRole;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.RetrySpec;
import io.stepwise.processor.model.StepModel;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph resources written next to the generated code, {@code META-INF/stepwise/graphs/<definition
 * binary name>.mmd} and {@code .json}, so documentation and tools can use a workflow's graph without
 * running anything.
 *
 * <p>The processor cannot load the runtime, so this is a second writer of the formats of the
 * runtime's {@code MermaidRenderer} (static graph) and {@code GraphJson}. It is kept byte-for-byte
 * equal to them by a test in the samples that compares both outputs for every sample workflow.
 */
public final class GraphResourceGenerator {
  public static final String DIRECTORY = "META-INF/stepwise/graphs/";

  // The same values, in the same order, as io.stepwise.graph.NodeStyle (its static-graph classes).
  private static final List<String> CLASS_DEFS = List.of(
      "classDef step fill:#dbe8ff,stroke:#2f5faf,color:#10213f,stroke-width:1px",
      "classDef start fill:#c9f2d4,stroke:#1e8a3c,color:#0b3318,stroke-width:1px",
      "classDef stop fill:#ffd3c2,stroke:#c2410c,color:#431407,stroke-width:3px",
      "classDef inputRequired fill:#fff0a8,stroke:#a16207,color:#3d2a05,stroke-width:1px",
      "classDef humanResponse fill:#e6d7ff,stroke:#6d28d9,color:#2e1065,stroke-width:1px",
      "classDef event fill:#eceff3,stroke:#6b7280,color:#1f2937,stroke-width:1px");

  private static final String RESOURCE_CLASS_DEF =
      "classDef resource fill:#f5f0e6,stroke:#8a6d3b,color:#3b2f1a,stroke-width:1px,stroke-dasharray:2 2";

  private static final RetrySpec NONE =
      new RetrySpec(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0, List.of(), List.of());

  private GraphResourceGenerator() {}

  /** The resource path for a definition, e.g. {@code META-INF/stepwise/graphs/com.acme.Foo_Workflow.mmd}. */
  public static String path(String definitionBinaryName, String extension) {
    return DIRECTORY + definitionBinaryName + "." + extension;
  }

  /** The graph as a Mermaid flowchart, as {@code MermaidRenderer.render(graph)} writes it. */
  public static String mermaid(EventIndex index) {
    Map<String, String> ids = eventIds(index.events());
    var out = new StringBuilder("flowchart TD\n");
    out.append("  %% workflow ").append(index.workflow().name()).append('\n');
    CLASS_DEFS.forEach(def -> out.append("  ").append(def).append('\n'));
    if (!index.workflow().providers().isEmpty()) {
      out.append("  ").append(RESOURCE_CLASS_DEF).append('\n');
    }
    for (StepModel step : sortedSteps(index)) {
      boolean join = GraphGenerator.isJoin(step);
      out.append("  step_").append(step.name()).append(join ? "[[\"" : "[\"").append(step.name())
          .append(join ? "\"]]:::step\n" : "\"]:::step\n");
    }
    for (EventType event : index.events()) {
      String label = event.label().replace("\"", "#quot;");
      String shape = switch (event.role()) {
        case START, STOP -> "([\"" + label + "\"])";
        case INPUT_REQUIRED -> "{{\"" + label + "\"}}";
        case HUMAN_RESPONSE -> "[/\"" + label + "\"/]";
        case INTERNAL -> "(\"" + label + "\")";
      };
      out.append("  ").append(ids.get(event.canonicalName())).append(shape).append(":::")
          .append(mermaidClass(event.role())).append('\n');
    }
    for (GraphGenerator.Edge edge : GraphGenerator.edges(index)) {
      String step = "step_" + edge.step();
      String event = ids.get(edge.event());
      boolean consumes = edge.kind() == GraphGenerator.EdgeKind.CONSUMES;
      out.append("  ").append(consumes ? event : step).append(" --> ").append(consumes ? step : event).append('\n');
    }
    // As io.stepwise.graph.Answers: each question to each human response, in event order.
    for (EventType question : index.events()) {
      if (question.role() != EventRole.INPUT_REQUIRED) {
        continue;
      }
      for (EventType response : index.events()) {
        if (response.role() == EventRole.HUMAN_RESPONSE) {
          out.append("  ").append(ids.get(question.canonicalName())).append(" -. answer .-> ")
              .append(ids.get(response.canonicalName())).append('\n');
        }
      }
    }
    var resources = GraphGenerator.resources(index.workflow());
    for (GraphGenerator.Resource resource : resources) {
      out.append("  res_").append(resource.name()).append("[(\"").append(label(resource).replace("\"", "#quot;"))
          .append("\")]:::resource\n");
    }
    for (GraphGenerator.Resource resource : resources) {
      for (String dependency : resource.dependsOn()) {
        out.append("  res_").append(dependency).append(" -.-> res_").append(resource.name()).append('\n');
      }
    }
    for (GraphGenerator.Use use : GraphGenerator.uses(index.workflow())) {
      out.append("  res_").append(use.resource()).append(" -.-> step_").append(use.step()).append('\n');
    }
    return out.toString();
  }

  // As io.stepwise.graph.ResourceNode.label().
  private static String label(GraphGenerator.Resource resource) {
    if (!resource.config().isEmpty()) {
      return resource.config() + ": " + resource.type();
    }
    return resource.name() + "(): " + resource.type() + (resource.cached() ? "" : " per use");
  }

  /** The graph as compact JSON, as {@code GraphJson.write(graph)} writes it. */
  public static String json(EventIndex index) {
    var out = new StringBuilder("{\"name\":").append(string(index.workflow().name())).append(",\"steps\":[");
    String separator = "";
    for (StepModel step : sortedSteps(index)) {
      // A step that never retries is drawn with RetrySettings.NONE, whatever its other @Retry values.
      RetrySpec retry = step.retry().isNone() ? NONE : step.retry();
      out.append(separator).append("{\"name\":").append(string(step.name()))
          .append(",\"workers\":").append(step.workers())
          .append(",\"timeout\":").append(string(step.timeout().toString()))
          .append(",\"retry\":{\"maxAttempts\":").append(retry.maxAttempts())
          .append(",\"delay\":").append(string(retry.delay().toString()))
          .append(",\"backoff\":").append(retry.backoff())
          .append(",\"maxDelay\":").append(string(retry.maxDelay().toString()))
          .append(",\"jitter\":").append(retry.jitter())
          .append(",\"on\":").append(names(retry.on()))
          .append(",\"notOn\":").append(names(retry.notOn()))
          .append(GraphGenerator.isJoin(step) ? "},\"join\":true}" : "}}");
      separator = ",";
    }
    out.append("],\"events\":[");
    separator = "";
    for (EventType event : index.events()) {
      out.append(separator).append("{\"type\":").append(string(event.canonicalName()))
          .append(",\"label\":").append(string(event.label()))
          .append(",\"kind\":").append(string(event.role().name())).append('}');
      separator = ",";
    }
    out.append("],\"edges\":[");
    separator = "";
    for (GraphGenerator.Edge edge : GraphGenerator.edges(index)) {
      out.append(separator).append("{\"kind\":").append(string(edge.kind().name()))
          .append(",\"step\":").append(string(edge.step()))
          .append(",\"event\":").append(string(edge.event())).append('}');
      separator = ",";
    }
    out.append(']');
    if (!index.workflow().providers().isEmpty()) {
      appendResources(out, index);
    }
    return out.append('}').toString();
  }

  private static void appendResources(StringBuilder out, EventIndex index) {
    out.append(",\"resources\":[");
    String separator = "";
    for (GraphGenerator.Resource resource : GraphGenerator.resources(index.workflow())) {
      out.append(separator).append("{\"name\":").append(string(resource.name()))
          .append(",\"type\":").append(string(resource.type()))
          .append(",\"qualifier\":").append(string(resource.qualifier()))
          .append(",\"cached\":").append(resource.cached())
          .append(",\"dependsOn\":[")
          .append(String.join(",", resource.dependsOn().stream().map(GraphResourceGenerator::string).toList()))
          .append(']')
          .append(resource.config().isEmpty() ? "" : ",\"config\":" + string(resource.config()))
          .append('}');
      separator = ",";
    }
    out.append("],\"resourceUses\":[");
    separator = "";
    for (GraphGenerator.Use use : GraphGenerator.uses(index.workflow())) {
      out.append(separator).append("{\"step\":").append(string(use.step()))
          .append(",\"resource\":").append(string(use.resource())).append('}');
      separator = ",";
    }
    out.append(']');
  }

  private static List<StepModel> sortedSteps(EventIndex index) {
    return index.workflow().steps().stream().sorted(Comparator.comparing(StepModel::name)).toList();
  }

  // As io.stepwise.graph.NodeIds: ev_<label>, a numeric suffix on a clash, in canonical-name order.
  private static Map<String, String> eventIds(List<EventType> events) {
    Map<String, String> ids = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (EventType event : events) {
      String base = "ev_" + event.label().replaceAll("[^A-Za-z0-9_]", "_");
      String id = base;
      for (int n = 2; !used.add(id); n++) {
        id = base + "_" + n;
      }
      ids.put(event.canonicalName(), id);
    }
    return ids;
  }

  private static String mermaidClass(EventRole role) {
    return switch (role) {
      case START -> "start";
      case STOP -> "stop";
      case INPUT_REQUIRED -> "inputRequired";
      case HUMAN_RESPONSE -> "humanResponse";
      case INTERNAL -> "event";
    };
  }

  private static String names(List<ClassName> types) {
    var out = new StringBuilder("[");
    for (int i = 0; i < types.size(); i++) {
      out.append(i == 0 ? "" : ",").append(string(types.get(i).canonicalName()));
    }
    return out.append(']').toString();
  }

  // JSON string escaping as Jackson writes it: short escapes where JSON has them, else \\u00XX.
  private static String string(String value) {
    var out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
