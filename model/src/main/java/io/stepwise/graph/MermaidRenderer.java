package io.stepwise.graph;

import java.util.Objects;

/**
 * Renders a workflow graph as a Mermaid {@code flowchart}: steps are boxes (a join's with double
 * sides), start and stop events
 * stadiums, input-required events hexagons, human responses parallelograms, other events rounded
 * boxes, each kind with its own colours; a dotted {@code answer} arrow leads from each question to
 * each human response. With an {@link ExecutionTrace} it draws one run instead:
 * step run counts, edges labelled with how many events went along them, untaken paths dotted and
 * greyed, the failing step in red.
 */
public final class MermaidRenderer {
  private MermaidRenderer() {}

  /** The static graph. */
  public static String render(WorkflowGraph graph) {
    return write(graph, null);
  }

  /** One run's execution over the static graph. */
  public static String render(WorkflowGraph graph, ExecutionTrace trace) {
    return write(graph, Objects.requireNonNull(trace, "trace"));
  }

  private static String write(WorkflowGraph graph, ExecutionTrace trace) {
    var ids = new NodeIds(graph);
    var out = new StringBuilder();
    out.append("flowchart TD\n");
    out.append("  %% ").append(trace == null ? "workflow " : "execution of workflow ")
        .append(graph.name()).append('\n');
    for (NodeStyle style : NodeStyle.values()) {
      if (style == NodeStyle.RESOURCE ? !graph.resources().isEmpty()
          : trace != null || (style != NodeStyle.IDLE && style != NodeStyle.FAILED)) {
        out.append("  ").append(style.mermaidClassDef()).append('\n');
      }
    }
    for (StepNode step : graph.steps()) {
      String label = step.name();
      NodeStyle style = NodeStyle.STEP;
      if (trace != null) {
        long runs = trace.runs(step.name());
        label = label + " ×" + runs;
        style = trace.failed(step.name()) ? NodeStyle.FAILED : runs == 0 ? NodeStyle.IDLE : NodeStyle.STEP;
      }
      // A join is a subroutine box (double sides): it needs one of each incoming event, not any one.
      String open = step.join() ? "[[\"" : "[\"";
      String close = step.join() ? "\"]]:::" : "\"]:::";
      out.append("  ").append(NodeIds.step(step.name())).append(open).append(escape(label)).append(close)
          .append(style.mermaidClass()).append('\n');
    }
    for (EventNode event : graph.events()) {
      NodeStyle style = trace != null && !trace.seen(event.type()) ? NodeStyle.IDLE : NodeStyle.of(event.kind());
      out.append("  ").append(ids.event(event.type())).append(shape(event.kind(), escape(event.label())))
          .append(":::").append(style.mermaidClass()).append('\n');
    }
    for (Edge edge : graph.edges()) {
      String step = NodeIds.step(edge.step());
      String event = ids.event(edge.event());
      String from = edge.kind() == EdgeKind.CONSUMES ? event : step;
      String to = edge.kind() == EdgeKind.CONSUMES ? step : event;
      out.append("  ").append(from).append(arrow(trace, edge)).append(to).append('\n');
    }
    for (Answers.Answer answer : Answers.of(graph)) {
      out.append("  ").append(ids.event(answer.question().type())).append(" -. answer .-> ")
          .append(ids.event(answer.response().type())).append('\n');
    }
    writeResources(graph, out);
    return out.toString();
  }

  /** Resources are cylinders; dotted arrows lead from a resource to the providers and steps that take it. */
  private static void writeResources(WorkflowGraph graph, StringBuilder out) {
    for (ResourceNode resource : graph.resources()) {
      out.append("  ").append(NodeIds.resource(resource.name())).append("[(\"").append(escape(resource.label()))
          .append("\")]:::").append(NodeStyle.RESOURCE.mermaidClass()).append('\n');
    }
    for (ResourceNode resource : graph.resources()) {
      for (String dependency : resource.dependsOn()) {
        out.append("  ").append(NodeIds.resource(dependency)).append(" -.-> ")
            .append(NodeIds.resource(resource.name())).append('\n');
      }
    }
    for (ResourceUse use : graph.resourceUses()) {
      out.append("  ").append(NodeIds.resource(use.resource())).append(" -.-> ").append(NodeIds.step(use.step()))
          .append('\n');
    }
  }

  private static String arrow(ExecutionTrace trace, Edge edge) {
    if (trace == null) {
      return " --> ";
    }
    long count = trace.count(edge);
    return count == 0 ? " -.-> " : " -->|" + count + "| ";
  }

  private static String shape(EventKind kind, String label) {
    return switch (kind) {
      case START, STOP -> "([\"" + label + "\"])";
      case INPUT_REQUIRED -> "{{\"" + label + "\"}}";
      case HUMAN_RESPONSE -> "[/\"" + label + "\"/]";
      case INTERNAL -> "(\"" + label + "\")";
    };
  }

  private static String escape(String label) {
    return label.replace("\"", "#quot;");
  }
}
