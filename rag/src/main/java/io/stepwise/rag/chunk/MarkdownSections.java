package io.stepwise.rag.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Markdown at its ATX headings ({@code #} to {@code ######}) into sections that each know
 * the path of headings above them. A {@code #} inside a fenced code block is code, not a heading.
 */
final class MarkdownSections {
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

  private MarkdownSections() {}

  /** A run of text under one heading path. */
  record Section(String heading, String body) {}

  static List<Section> split(String markdown) {
    List<Section> sections = new ArrayList<>();
    String[] path = new String[6];
    StringBuilder body = new StringBuilder();
    String heading = "";
    String fence = null;
    for (String line : markdown.split("\r?\n", -1)) {
      Matcher fenceMatch = FENCE.matcher(line);
      if (fenceMatch.find()) {
        String marker = fenceMatch.group(1);
        fence = fence == null ? marker : (fence.equals(marker) ? null : fence);
      }
      Matcher h = fence == null ? HEADING.matcher(line) : null;
      if (h != null && h.matches()) {
        sections.add(new Section(heading, body.toString().strip()));
        body.setLength(0);
        int level = h.group(1).length();
        path[level - 1] = h.group(2).replace("`", "");
        for (int i = level; i < path.length; i++) {
          path[i] = null;
        }
        heading = join(path);
      } else {
        body.append(line).append('\n');
      }
    }
    sections.add(new Section(heading, body.toString().strip()));
    return sections.stream().filter(s -> !s.body().isEmpty()).toList();
  }

  private static String join(String[] path) {
    List<String> parts = new ArrayList<>();
    for (String part : path) {
      if (part != null && !part.isEmpty()) {
        parts.add(part);
      }
    }
    return String.join(" > ", parts);
  }
}
