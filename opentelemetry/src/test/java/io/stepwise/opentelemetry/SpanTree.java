package io.stepwise.opentelemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws finished spans as an indented tree, children in start order, with each span's status,
 * attributes (sorted by key) and events, so a test compares a whole trace in one assertion.
 * Stack traces are left out.
 */
final class SpanTree {
  private SpanTree() {}

  static String draw(List<SpanData> spans) {
    StringBuilder out = new StringBuilder();
    spans.stream()
        .filter(span -> spans.stream().noneMatch(other -> other.getSpanId().equals(span.getParentSpanId())))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
        .forEach(root -> draw(root, spans, "", out));
    return out.toString();
  }

  private static void draw(SpanData span, List<SpanData> all, String indent, StringBuilder out) {
    out.append(indent).append(span.getName()).append(" [").append(span.getStatus().getStatusCode());
    if (!span.getStatus().getDescription().isEmpty()) {
      out.append(": ").append(span.getStatus().getDescription());
    }
    out.append("] ").append(render(span.getAttributes())).append('\n');
    for (EventData event : span.getEvents()) {
      out.append(indent).append("  * ").append(event.getName()).append(' ')
          .append(render(event.getAttributes())).append('\n');
    }
    all.stream()
        .filter(child -> child.getParentSpanId().equals(span.getSpanId()))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
        .forEach(child -> draw(child, all, indent + "    ", out));
  }

  private static String render(Attributes attributes) {
    Map<String, String> sorted = new TreeMap<>();
    attributes.forEach((key, value) -> {
      if (!key.getKey().equals("exception.stacktrace")) {
        sorted.put(key.getKey(), String.valueOf(value));
      }
    });
    List<String> pairs = new ArrayList<>();
    sorted.forEach((key, value) -> pairs.add(key + "=" + value));
    return "{" + String.join(", ", pairs) + "}";
  }
}
