package io.stepwise.rag.retrieve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into search terms: lower-cased runs of letters and digits, without English stop
 * words, with a plural or verb "s" ending removed ({@code runs} matches {@code run}). Enough
 * normalisation for a fair keyword baseline; no stemming dictionary.
 */
public final class Terms {
  private static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i",
      "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "so", "that", "the", "their",
      "then", "there", "these", "this", "to", "was", "what", "when", "where", "which", "who", "why",
      "will", "with", "you", "your");

  private Terms() {}

  public static List<String> of(String text) {
    List<String> terms = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.isEmpty() || STOP_WORDS.contains(word)) {
        continue;
      }
      terms.add(stem(word));
    }
    return terms;
  }

  private static String stem(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }
}
