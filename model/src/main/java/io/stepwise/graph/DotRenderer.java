package io.stepwise.graph;

import java.util.Objects;

/**
 * Renders a workflow graph as Graphviz DOT, top to bottom, with the same shapes' meaning and
 * colours as {@link MermaidRenderer}: steps are boxes (a join's doubled); start events ovals, stop events double
 * ovals, input-required events hexagons, human responses parallelograms, other events ellipses,
 * resources cylinders joined by dotted edges to what takes them; a dashed {@code answer} edge
 * leads from each question to each human response.
 */
public final class DotRenderer {
  private DotRenderer() {}

  /** The static graph. */
  public static String render(WorkflowGraph graph) {
    return write(graph, null);
  }

  /** One run's execution: run counts in step labels, counts on edges, untaken paths dashed, the failed step red. */
  public static String render(WorkflowGraph graph, ExecutionTrace trace) {
    return write(graph, Objects.requireNonNull(trace, "trace"));
  }

  private static String write(WorkflowGraph graph, ExecutionTrace trace) {
    var ids = new NodeIds(graph);
    var out = new StringBuilder();
    out.append("digraph ").append(quote(graph.name())).append(" {\n");
    out.append("  rankdir=TB;\n");
    out.append("  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n");
    out.append("  edge [color=\"#555555\", arrowsize=0.7];\n");
    for (StepNode step : graph.steps()) {
      String label = step.name();
      NodeStyle style = NodeStyle.STEP;
      if (trace != null) {
        long runs = trace.runs(step.name());
        label = label + " ×" + runs;
        style = trace.failed(step.name()) ? NodeStyle.FAILED : runs == 0 ? NodeStyle.IDLE : NodeStyle.STEP;
      }
      node(out, NodeIds.step(step.name()), label, "box", style, step.join() ? ", peripheries=2" : "");
    }
    for (EventNode event : graph.events()) {
      NodeStyle style = trace != null && !trace.seen(event.type()) ? NodeStyle.IDLE : NodeStyle.of(event.kind());
      String extra = event.kind() == EventKind.STOP ? ", peripheries=2" : "";
      node(out, ids.event(event.type()), event.label(), shape(event.kind()), style, extra);
    }
    for (Edge edge : graph.edges()) {
      String step = quote(NodeIds.step(edge.step()));
      String event = quote(ids.event(edge.event()));
      out.append("  ")
          .append(edge.kind() == EdgeKind.CONSUMES ? event + " -> " + step : step + " -> " + event);
      if (trace != null) {
        long count = trace.count(edge);
        out.append(count == 0 ? " [style=dashed, color=\"#c4c4c4\"]" : " [label=\"" + count + "\"]");
      }
      out.append(";\n");
    }
    for (Answers.Answer answer : Answers.of(graph)) {
      out.append("  ").append(quote(ids.event(answer.question().type()))).append(" -> ")
          .append(quote(ids.event(answer.response().type())))
          .append(" [style=dashed, label=\"answer\", color=\"").append(NodeStyle.HUMAN_RESPONSE.stroke())
          .append("\"];\n");
    }
    for (ResourceNode resource : graph.resources()) {
      node(out, NodeIds.resource(resource.name()), resource.label(), resource.isConfig() ? "note" : "cylinder",
          NodeStyle.RESOURCE, "");
    }
    for (ResourceNode resource : graph.resources()) {
      for (String dependency : resource.dependsOn()) {
        out.append("  ").append(quote(NodeIds.resource(dependency))).append(" -> ")
            .append(quote(NodeIds.resource(resource.name()))).append(" [style=dotted];\n");
      }
    }
    for (ResourceUse use : graph.resourceUses()) {
      out.append("  ").append(quote(NodeIds.resource(use.resource()))).append(" -> ")
          .append(quote(NodeIds.step(use.step()))).append(" [style=dotted];\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private static void node(StringBuilder out, String id, String label, String shape, NodeStyle style, String extra) {
    out.append("  ").append(quote(id)).append(" [label=").append(quote(label)).append(", shape=").append(shape)
        .append(", fillcolor=\"").append(style.fill()).append("\", color=\"").append(style.stroke())
        .append("\", fontcolor=\"").append(style.text()).append('"').append(extra).append("];\n");
  }

  private static String shape(EventKind kind) {
    return switch (kind) {
      case START, STOP -> "oval";
      case INPUT_REQUIRED -> "hexagon";
      case HUMAN_RESPONSE -> "parallelogram";
      case INTERNAL -> "ellipse";
    };
  }

  private static String quote(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
