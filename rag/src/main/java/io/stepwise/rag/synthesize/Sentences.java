package io.stepwise.rag.synthesize;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Markdown prose into sentences for quoting: fenced code, tables and lines of one
 * word are left out, a paragraph's lines are joined, and a sentence ends at {@code . ! ?}
 * followed by a space.
 */
final class Sentences {
  private Sentences() {}

  static List<String> of(String markdown) {
    StringBuilder prose = new StringBuilder();
    boolean inFence = false;
    for (String line : markdown.split("\r?\n")) {
      String t = line.strip();
      if (t.startsWith("```") || t.startsWith("~~~")) {
        inFence = !inFence;
        prose.append("\n\n");
        continue;
      }
      if (inFence || t.startsWith("|") || t.startsWith(">")) {
        prose.append("\n\n");
        continue;
      }
      prose.append(t.isEmpty() ? "\n\n" : t.replaceFirst("^([-*+]|\\d+\\.)\\s+", "") + " ");
    }
    List<String> sentences = new ArrayList<>();
    for (String paragraph : prose.toString().split("\n\n")) {
      for (String sentence : paragraph.strip().split("(?<=[.!?])\\s+(?=[A-Z`\\[(*])")) {
        String s = sentence.strip();
        if (s.indexOf(' ') > 0) {
          sentences.add(s);
        }
      }
    }
    return sentences;
  }
}
