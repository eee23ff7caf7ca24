package io.stepwise.samples.extraction.parse;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTML to Markdown-ish text converter, enough for documents: headings become {@code #}
 * lines, list items {@code -} lines, block elements line breaks, and everything else its text.
 * It does not model the DOM; scripts, styles and comments are dropped whole.
 */
final class HtmlText {
  private static final Pattern DROPPED = Pattern.compile("(?is)<!--.*?-->|<(script|style|head)\\b.*?</\\1\\s*>");
  private static final Pattern HEADING = Pattern.compile("(?is)<h([1-6])\\b[^>]*>(.*?)</h\\1\\s*>");
  private static final Pattern ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
  private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]\\s*>");
  private static final Pattern BLOCK = Pattern.compile("(?i)<br\\s*/?>|</?(p|div|section|article|ul|ol|tr|table|header|footer|main|blockquote|pre)\\b[^>]*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");
  private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");

  private HtmlText() {}

  static String toMarkdown(String html) {
    String text = DROPPED.matcher(html).replaceAll("");
    text = HEADING.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
        "\n\n" + "#".repeat(Integer.parseInt(m.group(1))) + " " + TAG.matcher(m.group(2)).replaceAll("").strip() + "\n\n"));
    text = ITEM.matcher(text).replaceAll("\n- ");
    text = CELL_END.matcher(text).replaceAll(" | ");
    text = BLOCK.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = ENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(decode(m.group(1))));
    StringBuilder out = new StringBuilder();
    int blank = 0;
    for (String line : text.split("\n", -1)) {
      String clean = line.replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
      if (clean.endsWith("|")) {
        clean = clean.substring(0, clean.length() - 1).strip();
      }
      blank = clean.isEmpty() ? blank + 1 : 0;
      if (blank <= 1) {
        out.append(clean).append('\n');
      }
    }
    return out.toString().strip();
  }

  private static String decode(String entity) {
    if (entity.startsWith("#x")) {
      return Character.toString(Integer.parseInt(entity.substring(2), 16));
    }
    if (entity.startsWith("#")) {
      return Character.toString(Integer.parseInt(entity.substring(1)));
    }
    return NAMED.get(entity);
  }
}
