package io.stepwise;

import java.util.Set;

/**
 * A run's key-value store, for values that can be written to JSON: null, booleans, numbers
 * (Integer, Long, Short, Byte, Double, Float, BigInteger, BigDecimal), strings, lists and maps
 * (string keys) of those, and the workflow's own event and state types. Each comes back from a
 * snapshot or a run store as the type it was put (docs/persistence.md, "What the store can hold").
 * Shared by every step execution of the run; each call is atomic.
 */
public interface Store {
  /** The value under {@code key}, or null when there is none. */
  Object get(String key);

  /**
   * The value under {@code key}, or {@code defaultValue} when there is none.
   *
   * @throws ClassCastException when the stored value is not of the default's type
   */
  <T> T get(String key, T defaultValue);

  /**
   * Stores a value under {@code key}, replacing any previous one.
   *
   * @throws IllegalArgumentException naming the key and the problem when a snapshot could not
   *     write the value or read it back exactly (another type, a number of more than 1000
   *     characters, nesting deeper than 198 levels, a key with a lone UTF-16 surrogate); the
   *     store is then unchanged
   */
  void put(String key, Object value);

  /** Removes the value under {@code key}; returns it, or null when there was none. */
  Object remove(String key);

  /** The keys present, sorted. */
  Set<String> keys();
}
