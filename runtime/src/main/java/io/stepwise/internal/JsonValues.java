package io.stepwise.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Which values the store accepts: what the JSON codecs can write. */
final class JsonValues {
  private JsonValues() {}

  /** Null when {@code value} can be written to JSON, else a description of what cannot. */
  static String problem(Object value, Predicate<Object> ownType) {
    return problem(value, ownType, "a value");
  }

  private static String problem(Object value, Predicate<Object> ownType, String where) {
    if (value == null || value instanceof Boolean || value instanceof String || isNumber(value)
        || ownType.test(value)) {
      return null;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String inner = problem(list.get(i), ownType, "a list whose element " + i);
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          return "a map with a key of type " + typeOf(entry.getKey());
        }
        String inner = problem(entry.getValue(), ownType, "a map whose entry '" + key + "'");
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    return where + " of type " + typeOf(value);
  }

  private static boolean isNumber(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof Double
        || value instanceof Float || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger || value instanceof BigDecimal;
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
