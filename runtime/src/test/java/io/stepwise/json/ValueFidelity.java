package io.stepwise.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Asserts that a decoded value equals the original with the same class at every level. */
public final class ValueFidelity {
  private ValueFidelity() {}

  public static void assertSameValues(Map<String, Object> expected, Map<String, Object> actual) {
    assertEquals(expected.keySet().stream().sorted().toList(), actual.keySet().stream().sorted().toList());
    for (var entry : expected.entrySet()) {
      assertSameValue(entry.getValue(), actual.get(entry.getKey()), entry.getKey());
    }
  }

  public static void assertSameValue(Object expected, Object actual, String path) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual, path);
      return;
    }
    if (expected instanceof List<?> list) {
      List<?> other = (List<?>) assertKind(List.class, actual, path);
      assertEquals(list.size(), other.size(), path + " size");
      for (int i = 0; i < list.size(); i++) {
        assertSameValue(list.get(i), other.get(i), path + "[" + i + "]");
      }
      return;
    }
    if (expected instanceof Map<?, ?> map) {
      Map<?, ?> other = (Map<?, ?>) assertKind(Map.class, actual, path);
      assertEquals(List.copyOf(map.keySet()), List.copyOf(other.keySet()), path + " keys, in order");
      Iterator<?> values = other.values().iterator();
      for (Object value : map.values()) {
        assertSameValue(value, values.next(), path + "{}");
      }
      return;
    }
    assertEquals(expected.getClass(), actual.getClass(), path + " class");
    assertEquals(expected, actual, path);
  }

  private static Object assertKind(Class<?> kind, Object actual, String path) {
    assertEquals(true, kind.isInstance(actual), path + " is a " + kind.getSimpleName() + ": " + actual.getClass());
    return actual;
  }
}
