package io.stepwise;

import java.util.Set;

/**
 * A run's key-value store, for values that can be written to JSON: null, booleans, numbers,
 * strings, lists and maps (string keys) of those, and the workflow's own event and state types.
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
   * @throws IllegalArgumentException naming the key and the type when the value cannot be
   *     written to JSON; the store is then unchanged
   */
  void put(String key, Object value);

  /** Removes the value under {@code key}; returns it, or null when there was none. */
  Object remove(String key);

  /** The keys present, sorted. */
  Set<String> keys();
}
