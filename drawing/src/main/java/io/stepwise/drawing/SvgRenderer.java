package io.stepwise.drawing;

import io.stepwise.graph.EventNode;
import io.stepwise.graph.ExecutionTrace;
import io.stepwise.graph.MermaidRenderer;
import io.stepwise.graph.NodeIds;
import io.stepwise.graph.NodeStyle;
import io.stepwise.graph.ResourceNode;
import io.stepwise.graph.RetrySettings;
import io.stepwise.graph.StepNode;
import io.stepwise.graph.WorkflowGraph;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Draws a workflow graph as a self-contained SVG with {@link GraphLayout}: no script, no fonts or
 * styles from elsewhere, so it shows in any browser offline. Colours and shapes per node kind
 * match {@link MermaidRenderer}; hovering a node shows its details.
 */
public final class SvgRenderer {
  private static final String EDGE_COLOUR = "#4b5563";
  private static final String IDLE_EDGE_COLOUR = "#c4c4c4";

  private SvgRenderer() {}

  /** The static graph. */
  public static String render(WorkflowGraph graph) {
    return write(graph, null);
  }

  /** One run's execution: run counts, edge counts, untaken paths dashed, the failed step red. */
  public static String render(WorkflowGraph graph, ExecutionTrace trace) {
    return write(graph, Objects.requireNonNull(trace, "trace"));
  }

  private static String write(WorkflowGraph graph, ExecutionTrace trace) {
    var ids = new NodeIds(graph);
    Map<String, String> labels = new HashMap<>();
    for (StepNode step : graph.steps()) {
      labels.put(NodeIds.step(step.name()), trace == null ? step.name() : step.name() + " ×" + trace.runs(step.name()));
    }
    graph.events().forEach(e -> labels.put(ids.event(e.type()), e.label()));
    graph.resources().forEach(r -> labels.put(NodeIds.resource(r.name()), r.label()));
    var layout = new GraphLayout(graph, labels, ids);

    var svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\""
            + " font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" font-size=\"13\" role=\"img\">%n",
        layout.width(), layout.height(), layout.width(), layout.height()));
    svg.append("<title>").append(escape(graph.name())).append("</title>\n");
    svg.append("<defs>\n");
    marker(svg, "arrow", EDGE_COLOUR);
    marker(svg, "arrow-idle", IDLE_EDGE_COLOUR);
    svg.append("</defs>\n");
    int backIndex = 0;
    for (GraphLayout.Link link : layout.links()) {
      edge(svg, layout, link, trace, link.back() ? backIndex++ : -1);
    }
    for (StepNode step : graph.steps()) {
      String id = NodeIds.step(step.name());
      NodeStyle style = NodeStyle.STEP;
      if (trace != null) {
        style = trace.failed(step.name()) ? NodeStyle.FAILED : trace.runs(step.name()) == 0 ? NodeStyle.IDLE : NodeStyle.STEP;
      }
      node(svg, layout.box(id), labels.get(id), step.join() ? "join" : "step", style, stepDetails(step));
    }
    for (EventNode event : graph.events()) {
      String id = ids.event(event.type());
      NodeStyle style = trace != null && !trace.seen(event.type()) ? NodeStyle.IDLE : NodeStyle.of(event.kind());
      node(svg, layout.box(id), event.label(), event.kind().name(), style, event.type() + " (" + event.kind() + ")");
    }
    for (ResourceNode resource : graph.resources()) {
      String id = NodeIds.resource(resource.name());
      node(svg, layout.box(id), labels.get(id), "RESOURCE", NodeStyle.RESOURCE, resource.isConfig()
          ? "config file " + resource.config() + " read into " + resource.type() : "resource " + resource.name()
          + ": " + resource.type() + (resource.qualifier().isEmpty() ? "" : " named \"" + resource.qualifier() + "\"")
          + (resource.cached() ? ", cached" : ", created for each use"));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void marker(StringBuilder svg, String id, String colour) {
    svg.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\"")
        .append(" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
        .append(colour).append("\"/></marker>\n");
  }

  private static void edge(StringBuilder svg, GraphLayout layout, GraphLayout.Link link, ExecutionTrace trace, int backIndex) {
    GraphLayout.Box from = layout.box(link.from());
    GraphLayout.Box to = layout.box(link.to());
    double[] p;
    if (link.back()) {
      // Around the right side: out of the source's right edge, back into the target's.
      double x0 = from.x() + from.width();
      double x3 = to.x() + to.width();
      double y0 = from.y() + GraphLayout.NODE_HEIGHT / 2.0;
      double y3 = to.y() + GraphLayout.NODE_HEIGHT / 2.0;
      double out = Math.max(x0, x3) + 40 + 14 * backIndex;
      p = new double[] {x0, y0, out, y0, out, y3, x3, y3};
    } else {
      double x0 = from.centerX();
      double y0 = from.bottom();
      double x3 = to.centerX();
      double y3 = to.y();
      double bend = Math.max(18, (y3 - y0) / 2);
      p = new double[] {x0, y0, x0, y0 + bend, x3, y3 - bend, x3, y3};
    }
    long count = trace == null || link.edge() == null ? -1 : trace.count(link.edge());
    boolean idle = count == 0;
    boolean resource = link.edge() == null && !link.answer();
    String colour = idle ? IDLE_EDGE_COLOUR : link.answer() ? NodeStyle.HUMAN_RESPONSE.stroke() : EDGE_COLOUR;
    String dash = idle ? " stroke-dasharray=\"5 4\"" : resource ? " stroke-dasharray=\"2 3\""
        : link.answer() ? " stroke-dasharray=\"6 3\"" : "";
    svg.append(String.format(Locale.ROOT,
        "<path class=\"%s\" d=\"M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"%s\""
            + " stroke-width=\"1.4\"%s marker-end=\"url(#%s)\"/>%n",
        link.answer() ? "answer" : resource ? "uses" : "flow",
        p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], colour, dash, idle ? "arrow-idle" : "arrow"));
    if (count > 0) {
      // Label at the curve's midpoint (t = 0.5 of the cubic Bézier).
      double mx = (p[0] + 3 * p[2] + 3 * p[4] + p[6]) / 8;
      double my = (p[1] + 3 * p[3] + 3 * p[5] + p[7]) / 8;
      String text = Long.toString(count);
      double w = 10 + 8 * text.length();
      svg.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"16\" rx=\"8\" fill=\"#ffffff\" stroke=\"%s\"/>"
              + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" fill=\"#111827\">%s</text>%n",
          mx - w / 2, my - 8, w, EDGE_COLOUR, mx, my + 4, text));
    }
  }

  private static void node(StringBuilder svg, GraphLayout.Box box, String label, String kind, NodeStyle style, String details) {
    double x = box.x();
    double y = box.y();
    double w = box.width();
    double h = GraphLayout.NODE_HEIGHT;
    String paint = String.format(Locale.ROOT, "fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"%s", style.fill(), style.stroke(),
        kind.equals("STOP") || style == NodeStyle.FAILED ? "3" : "1.5",
        style == NodeStyle.IDLE ? " stroke-dasharray=\"4 3\"" : style == NodeStyle.RESOURCE ? " stroke-dasharray=\"2 2\"" : "");
    svg.append("<g class=\"node ").append(kind).append("\"><title>").append(escape(details)).append("</title>");
    switch (kind) {
      case "INPUT_REQUIRED" -> svg.append(String.format(Locale.ROOT,
          "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" %s/>",
          x, y + h / 2, x + 12, y, x + w - 12, y, x + w, y + h / 2, x + w - 12, y + h, x + 12, y + h, paint));
      case "HUMAN_RESPONSE" -> svg.append(String.format(Locale.ROOT,
          "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" %s/>",
          x + 10, y, x + w, y, x + w - 10, y + h, x, y + h, paint));
      case "join" -> {
        // A join's box has a second border inside: it waits for one of each incoming event.
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"3\" %s/>", x, y, w, h, paint));
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" fill=\"none\" stroke=\"%s\""
                + " stroke-width=\"1\"/>", x + 4, y + 4, w - 8, h - 8, style.stroke()));
      }
      default -> {
        double radius = switch (kind) {
          case "step", "RESOURCE" -> 3;
          case "START", "STOP" -> h / 2;
          default -> 10;
        };
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%.1f\" %s/>", x, y, w, h, radius, paint));
      }
    }
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\"%s>%s</text></g>%n",
        x + w / 2, y + h / 2 + 4.5, style.text(), kind.equals("step") || kind.equals("join") ? " font-weight=\"bold\"" : "", escape(label)));
  }

  static String stepDetails(StepNode step) {
    var text = new StringBuilder(step.join() ? "join step " : "step ").append(step.name()).append(": workers ")
        .append(step.workers());
    RetrySettings retry = step.retry();
    if (retry.retries()) {
      text.append(", retry ").append(retry.maxAttempts()).append(" attempts, delay ").append(human(retry.delay()));
      if (retry.backoff() != 1.0) {
        text.append(" ×").append(retry.backoff());
      }
    }
    if (!step.timeout().isZero()) {
      text.append(", timeout ").append(human(step.timeout()));
    }
    return text.toString();
  }

  static String human(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
