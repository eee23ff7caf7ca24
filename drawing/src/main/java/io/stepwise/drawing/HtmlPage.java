package io.stepwise.drawing;

import io.stepwise.graph.ExecutionTrace;
import io.stepwise.graph.MermaidRenderer;
import io.stepwise.graph.NodeStyle;
import io.stepwise.graph.StepNode;
import io.stepwise.graph.WorkflowGraph;
import java.util.Objects;

/**
 * A standalone HTML page that shows a workflow's diagram in any browser with no network access:
 * the diagram is inline SVG ({@link SvgRenderer}), followed by the steps' settings and the Mermaid
 * source for pasting elsewhere. Nothing is loaded from outside the page.
 */
public final class HtmlPage {
  /** Height of the page header; the diagram's top-left corner is at ({@link #DIAGRAM_LEFT}, this). */
  public static final int HEADER_HEIGHT = 72;
  /** Left offset of the diagram in the page. */
  public static final int DIAGRAM_LEFT = 24;

  private HtmlPage() {}

  /** The page for the static graph. */
  public static String render(WorkflowGraph graph) {
    return page(graph, null);
  }

  /** The page for one run's execution. */
  public static String render(WorkflowGraph graph, ExecutionTrace trace) {
    return page(graph, Objects.requireNonNull(trace, "trace"));
  }

  private static String page(WorkflowGraph graph, ExecutionTrace trace) {
    String name = SvgRenderer.escape(graph.name());
    String title = trace == null ? "Workflow " + name : "Execution of workflow " + name;
    var html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>").append(title).append("</title>\n<style>\n")
        .append("body { margin: 0; font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; color: #111827; background: #ffffff; }\n")
        .append("header { box-sizing: border-box; height: ").append(HEADER_HEIGHT)
        .append("px; padding: 12px ").append(DIAGRAM_LEFT).append("px 0; border-bottom: 1px solid #e5e7eb; }\n")
        .append("h1 { margin: 0 0 6px; font-size: 20px; }\n")
        .append(".legend span { display: inline-block; margin-right: 14px; font-size: 12px; }\n")
        .append(".legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; border: 1px solid; }\n")
        .append("#diagram { padding: 0 ").append(DIAGRAM_LEFT).append("px; line-height: 0; }\n")
        .append("section { padding: 12px ").append(DIAGRAM_LEFT).append("px; font-size: 13px; }\n")
        .append("table { border-collapse: collapse; } td, th { border: 1px solid #e5e7eb; padding: 3px 8px; text-align: left; }\n")
        .append("pre { background: #f8fafc; border: 1px solid #e5e7eb; padding: 8px; font-size: 12px; overflow: auto; }\n")
        .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(title).append("</h1>\n<div class=\"legend\">");
    legend(html, NodeStyle.STEP, "step");
    legend(html, NodeStyle.START, "start event");
    legend(html, NodeStyle.STOP, "stop event");
    legend(html, NodeStyle.INPUT_REQUIRED, "input required");
    legend(html, NodeStyle.HUMAN_RESPONSE, "human response");
    legend(html, NodeStyle.EVENT, "event");
    if (!graph.resources().isEmpty()) {
      legend(html, NodeStyle.RESOURCE, "resource");
    }
    if (trace != null) {
      legend(html, NodeStyle.IDLE, "not reached");
      legend(html, NodeStyle.FAILED, "failed");
    }
    html.append("</div>\n</header>\n<div id=\"diagram\">\n")
        .append(trace == null ? SvgRenderer.render(graph) : SvgRenderer.render(graph, trace))
        .append("</div>\n<section>\n<table>\n<tr><th>step</th><th>settings</th>")
        .append(trace == null ? "" : "<th>runs</th>").append("</tr>\n");
    for (StepNode step : graph.steps()) {
      String details = SvgRenderer.stepDetails(step).substring(("step " + step.name() + ": ").length());
      html.append("<tr><td>").append(SvgRenderer.escape(step.name())).append("</td><td>")
          .append(SvgRenderer.escape(details)).append("</td>");
      if (trace != null) {
        html.append("<td>").append(trace.runs(step.name())).append(trace.failed(step.name()) ? " (failed)" : "")
            .append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n<details>\n<summary>Mermaid source</summary>\n<pre id=\"mermaid\">")
        .append(SvgRenderer.escape(trace == null ? MermaidRenderer.render(graph) : MermaidRenderer.render(graph, trace)))
        .append("</pre>\n</details>\n</section>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void legend(StringBuilder html, NodeStyle style, String text) {
    html.append("<span><i style=\"background:").append(style.fill()).append(";border-color:").append(style.stroke())
        .append("\"></i>").append(text).append("</span>");
  }
}
