package io.stepwise.spi;

import io.stepwise.Snapshot;
import io.stepwise.WorkflowJson;
import io.stepwise.spi.UntypedJson.Refusal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which values the store accepts: those a snapshot writes and reads back exactly (see
 * {@link UntypedJson}), so a value that would be lost or changed on resume is refused at {@code put}.
 */
final class StorableValues {
  /** Levels a store value may nest: the snapshot writer's limit, less the snapshot object and its store. */
  static final int MAX_DEPTH = WorkflowJson.DEFAULT_MAX_DEPTH - 2;

  private StorableValues() {}


  private static final String TYPES = "store only null, booleans, numbers, strings, lists and maps of those, or"
      + " the workflow's own event and state types";

  private static final String LONE_SURROGATE = "JSON readers refuse a lone surrogate in a property name, so it"
      + " could not be read back; use keys that are well-formed Unicode";

  /** Null when {@code value} round-trips through a snapshot under {@code key}, else why not. */
  static Refusal problem(String key, Object value, Predicate<Object> ownType) {
    int lone = Utf16.loneSurrogateAt(key);
    if (lone >= 0) {
      return new Refusal("a value", "the key has a lone UTF-16 surrogate at index " + lone + ", and "
          + LONE_SURROGATE);
    }
    return problem(value, ownType, "a value", 0);
  }

  /** @param depth the levels the containers around {@code value} take */
  private static Refusal problem(Object value, Predicate<Object> ownType, String where, int depth) {
    if (value == null || value instanceof Boolean || value instanceof String) {
      return null;
    }
    if (ownType.test(value)) {
      return tooDeep(depth + 2); // its wrapper and at least its own object; deeper fields fail when written
    }
    if (TypedNumbers.isNumber(value)) {
      Refusal length = tooLong(value, where);
      return length != null ? length : tooDeep(depth + (TypedNumbers.tagOf(value) == null ? 0 : 1));
    }
    if (value instanceof List<?> list) {
      Refusal deep = tooDeep(depth + 1);
      for (int i = 0; deep == null && i < list.size(); i++) {
        deep = problem(list.get(i), ownType, "a list whose element " + i, depth + 1);
      }
      return deep;
    }
    if (value instanceof Map<?, ?> map) {
      boolean wrapped = !map.isEmpty() && map.keySet().iterator().next() instanceof String first
          && first.startsWith("@"); // written under "@map", as UntypedJson does
      int levels = depth + (wrapped ? 2 : 1);
      Refusal deep = tooDeep(levels);
      for (var entries = map.entrySet().iterator(); deep == null && entries.hasNext(); ) {
        Map.Entry<?, ?> entry = entries.next();
        if (!(entry.getKey() instanceof String key)) {
          return new Refusal("a map with a key of type " + typeOf(entry.getKey()), TYPES);
        }
        if (Utf16.loneSurrogateAt(key) >= 0) {
          return new Refusal("a map with a key that has a lone UTF-16 surrogate", LONE_SURROGATE);
        }
        deep = problem(entry.getValue(), ownType, "a map whose entry '" + key + "'", levels);
      }
      return deep;
    }
    return new Refusal(where + " of type " + typeOf(value), TYPES);
  }

  private static Refusal tooLong(Object number, String where) {
    if (!(number instanceof BigInteger) && !(number instanceof BigDecimal)) {
      return null;
    }
    int length = number.toString().length();
    int max = Snapshot.DEFAULT_LIMITS.maxNumberLength();
    if (length <= max) {
      return null;
    }
    String described = where.equals("a value") ? "a " : where + " is a ";
    return new Refusal(described + number.getClass().getSimpleName() + " of " + length + " characters",
        "a snapshot holds numbers of at most " + max + " characters, so it could not be read back; store it as"
            + " a string");
  }

  private static Refusal tooDeep(int levels) {
    if (levels <= MAX_DEPTH) {
      return null;
    }
    return new Refusal("a value nested deeper than " + MAX_DEPTH + " levels", "a snapshot holds at most " + MAX_DEPTH
        + " levels of a store value, so it could not be written; does a list or map contain itself?");
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
