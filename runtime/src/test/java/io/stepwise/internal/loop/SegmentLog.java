package io.stepwise.internal.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one segment of a simulated run did that must happen exactly once over the whole run, each
 * entry stamped with the index of the tick it came with: which execution took which event (as its
 * input, in its collected set, or as the event its wait matched), and what was published. A run
 * cut after tick {@code i} and resumed did what the first segment did before {@code i}, plus what
 * the resumed segment did.
 */
final class SegmentLog {
  private record Entry(int tick, String what) {}

  private final List<Entry> entries = new ArrayList<>();

  /** The entry for an execution of {@code step} that finished having taken {@code event} {@code how}. */
  static String took(String step, Object event, String how) {
    return step + " took " + event + " " + how;
  }

  static String published(Object event) {
    return "published " + event;
  }

  void add(int tick, String what) {
    entries.add(new Entry(tick, what));
  }

  /** How often each entry occurred with a tick before {@code tick}, sorted by entry. */
  Map<String, Integer> before(int tick) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Entry entry : entries) {
      if (entry.tick() < tick) {
        counts.merge(entry.what(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** How often each entry occurred, sorted by entry. */
  Map<String, Integer> all() {
    return before(Integer.MAX_VALUE);
  }

  /** The two counts added up. */
  static Map<String, Integer> plus(Map<String, Integer> a, Map<String, Integer> b) {
    Map<String, Integer> sum = new TreeMap<>(a);
    b.forEach((what, count) -> sum.merge(what, count, Integer::sum));
    return sum;
  }

  /** Each entry whose count differs, as "entry: expected N, was M", sorted. */
  static List<String> differences(Map<String, Integer> expected, Map<String, Integer> actual) {
    TreeMap<String, Integer> keys = new TreeMap<>(expected);
    actual.forEach(keys::putIfAbsent);
    List<String> found = new ArrayList<>();
    for (String what : keys.keySet()) {
      int want = expected.getOrDefault(what, 0);
      int got = actual.getOrDefault(what, 0);
      if (want != got) {
        found.add(what + ": " + want + " expected, " + got + " seen");
      }
    }
    return found;
  }
}
