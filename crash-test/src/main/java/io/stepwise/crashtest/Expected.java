package io.stepwise.crashtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Builds a shape's expected execution keys from short patterns. */
final class Expected {
  private Expected() {}

  /**
   * The keys of {@code each} and {@code single}, each prefixed by {@code workflow.} unless it
   * names its workflow already (a child's step: it has a dot).
   */
  static Set<String> keys(String workflow, List<String> each, String... single) {
    Set<String> keys = new TreeSet<>();
    each.forEach(step -> keys.add(step.contains(".") ? step : workflow + "." + step));
    for (String step : single) {
      keys.add(workflow + "." + step);
    }
    return Set.copyOf(keys);
  }

  /** Each pattern (with {@code %d} for the item) for items 0 to {@code count - 1}. */
  static List<String> each(int count, String... patterns) {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      for (String pattern : patterns) {
        all.add(pattern.replace("%d", String.valueOf(i)));
      }
    }
    return all;
  }
}
