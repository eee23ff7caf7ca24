package io.stepwise.internal.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts cuts and their failures by what the executions in flight at the cut had done ("fan
 * sent", "gather collected its set", ...), so a failing property says which kind of cut breaks, with
 * one example of each: preferably a cut where that was the only thing in flight.
 */
final class CutTally {
  /** The kind of a cut where no execution in flight had made a call yet. */
  static final String NOTHING_DONE = "(no execution in flight had made a call)";

  private static final class Kind {
    int cuts;
    int failed;
    String example;
    boolean pure;
  }

  private final Map<String, Kind> kinds = new TreeMap<>();
  private final List<String> others = new ArrayList<>();
  private int cuts;
  private int failed;

  /** Records one cut; {@code failure} is null when it resumed correctly, else says what went wrong. */
  void cut(Set<String> inFlight, String failure) {
    cuts++;
    if (failure != null) {
      failed++;
    }
    Set<String> keys = inFlight.isEmpty() ? Set.of(NOTHING_DONE) : inFlight;
    for (String key : keys) {
      Kind kind = kinds.computeIfAbsent(key, k -> new Kind());
      kind.cuts++;
      if (failure != null) {
        kind.failed++;
        boolean pure = keys.size() == 1;
        if (kind.example == null || pure && !kind.pure) {
          kind.example = failure;
          kind.pure = pure;
        }
      }
    }
  }

  /** Records a failure that is not a cut's, such as the uninterrupted run's. */
  void other(String failure) {
    others.add(failure);
  }

  boolean anyFailed() {
    return failed > 0 || !others.isEmpty();
  }

  /** Failures per kind of cut, with an example each. */
  String summary() {
    StringBuilder text = new StringBuilder();
    text.append(failed).append(" of ").append(cuts).append(" cuts resumed wrongly");
    if (!others.isEmpty()) {
      text.append(", and ").append(others.size()).append(" uninterrupted runs went wrong, e.g.\n  ")
          .append(others.getFirst());
    }
    text.append("\nBy what the executions in flight at the cut had done (failed/cuts):");
    kinds.forEach((key, kind) -> text.append("\n  ").append(key).append(": ").append(kind.failed).append('/')
        .append(kind.cuts));
    kinds.forEach((key, kind) -> {
      if (kind.example != null) {
        text.append("\n\nExample with '").append(key).append('\'')
            .append(kind.pure ? " alone in flight" : " among others in flight").append(":\n  ").append(kind.example);
      }
    });
    return text.toString();
  }
}
