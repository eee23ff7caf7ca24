package io.stepwise.rag.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs paragraphs (text between blank lines) into pieces of at most {@code maxChars}, never
 * splitting a paragraph that fits; a longer paragraph is cut at sentence ends, then at spaces.
 * A blank line inside a fenced code block does not end a paragraph, so code stays whole
 * where it can.
 */
final class ParagraphPacker {
  private ParagraphPacker() {}

  static List<String> pack(String text, int maxChars) {
    List<String> pieces = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String paragraph : paragraphs(text)) {
      for (String part : cut(paragraph, maxChars)) {
        if (current.length() > 0 && current.length() + 2 + part.length() > maxChars) {
          pieces.add(current.toString());
          current.setLength(0);
        }
        if (current.length() > 0) {
          current.append("\n\n");
        }
        current.append(part);
      }
    }
    if (current.length() > 0) {
      pieces.add(current.toString());
    }
    return pieces;
  }

  private static List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inFence = false;
    for (String line : text.split("\r?\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
        inFence = !inFence;
      }
      if (trimmed.isEmpty() && !inFence) {
        if (!current.isEmpty()) {
          paragraphs.add(current.toString().strip());
          current.setLength(0);
        }
      } else {
        current.append(line).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      paragraphs.add(current.toString().strip());
    }
    return paragraphs;
  }

  /** Cuts one paragraph into parts of at most {@code maxChars}: at a sentence end, else a space, else anywhere. */
  private static List<String> cut(String paragraph, int maxChars) {
    List<String> parts = new ArrayList<>();
    String rest = paragraph;
    while (rest.length() > maxChars) {
      // A break that leaves a part under a third of the limit makes a fragment too small to retrieve.
      int at = lastBreak(rest, maxChars, ". ");
      if (at < maxChars / 3) {
        at = Math.max(lastBreak(rest, maxChars, "\n"), lastBreak(rest, maxChars, " "));
      }
      if (at < maxChars / 3) {
        at = maxChars;
      }
      parts.add(rest.substring(0, at).strip());
      rest = rest.substring(at).strip();
    }
    if (!rest.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }

  /** The index just after the last {@code separator} that ends within the first {@code limit} characters, or -1. */
  private static int lastBreak(String text, int limit, String separator) {
    int i = text.lastIndexOf(separator, limit - separator.length());
    return i < 0 ? -1 : i + separator.length();
  }
}
