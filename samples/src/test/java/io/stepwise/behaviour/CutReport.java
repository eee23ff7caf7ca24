package io.stepwise.behaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts resumed cuts and their failures by kind (see {@link CutKinds}), keeping one example of
 * each: preferably a cut where that was the only kind, so a failing property says what breaks.
 */
final class CutReport {
  private static final class Tally {
    int cuts;
    int failed;
    String example;
    int exampleKinds = Integer.MAX_VALUE;
  }

  private final Map<String, Tally> byKind = new TreeMap<>();
  private final List<String> others = new ArrayList<>();
  private int cuts;
  private int failed;

  /** Records one resumed cut; {@code failure} is null when it ended like the uninterrupted run. */
  synchronized void cut(String source, Set<String> kinds, String failure) {
    cuts++;
    if (failure != null) {
      failed++;
    }
    List<String> keys = new ArrayList<>(kinds);
    keys.add("taken as a " + source);
    for (String key : keys) {
      Tally tally = byKind.computeIfAbsent(key, k -> new Tally());
      tally.cuts++;
      if (failure != null) {
        tally.failed++;
        if (kinds.size() < tally.exampleKinds) {
          tally.example = failure;
          tally.exampleKinds = kinds.size();
        }
      }
    }
  }

  /** Records a failure that is not a resumed cut's, such as the uninterrupted run's. */
  synchronized void other(String failure) {
    others.add(failure);
  }

  synchronized boolean anyFailed() {
    return failed > 0 || !others.isEmpty();
  }

  synchronized int cuts() {
    return cuts;
  }

  synchronized String summary() {
    StringBuilder text = new StringBuilder();
    text.append(failed).append(" of ").append(cuts).append(" resumed cuts differ from the uninterrupted run");
    if (!others.isEmpty()) {
      text.append(", and ").append(others.size()).append(" uninterrupted runs went wrong, e.g.\n  ")
          .append(others.getFirst());
    }
    text.append("\nBy what the cut holds (failed/cuts):");
    byKind.forEach((key, tally) -> text.append("\n  ").append(key).append(": ").append(tally.failed).append('/')
        .append(tally.cuts));
    byKind.forEach((key, tally) -> {
      if (tally.example != null && !key.startsWith("taken as")) {
        text.append("\n\nExample with '").append(key).append("'")
            .append(tally.exampleKinds == 1 ? " alone" : " among " + tally.exampleKinds + " kinds").append(":\n  ")
            .append(tally.example);
      }
    });
    return text.toString();
  }
}
