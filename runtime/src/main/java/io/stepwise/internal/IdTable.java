package io.stepwise.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A map from long keys to values without boxing or an entry object per key: open addressing with
 * linear probing in two parallel arrays, allocated on the first put. A run keeps its executions and
 * timers here, so starting one step costs no map allocation at all.
 *
 * @param <V> the values; never null
 */
public final class IdTable<V> {
  private long[] keys;
  private Object[] values; // a null value marks a free slot
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  @SuppressWarnings("unchecked") // only ever holds V
  public V get(long key) {
    if (size == 0) {
      return null;
    }
    int mask = keys.length - 1;
    for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return (V) values[i];
      }
    }
    return null;
  }

  public boolean containsKey(long key) {
    return get(key) != null;
  }

  public void put(long key, V value) {
    if (keys == null) {
      keys = new long[4];
      values = new Object[4];
    } else if (size * 2 >= keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (values[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (values[i] == null) {
      size++;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes and returns the value under {@code key}, or null. */
  @SuppressWarnings("unchecked") // only ever holds V
  public V remove(long key) {
    if (size == 0) {
      return null;
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (values[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    V removed = (V) values[i];
    if (removed == null) {
      return null;
    }
    // Backward-shift deletion: pull later entries of the probe run into the gap, no tombstones.
    int gap = i;
    for (int j = (gap + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int home = slot(keys[j], mask);
      if (((j - home) & mask) >= ((j - gap) & mask)) {
        keys[gap] = keys[j];
        values[gap] = values[j];
        gap = j;
      }
    }
    values[gap] = null;
    size--;
    return removed;
  }

  /** The values in ascending key order. */
  @SuppressWarnings("unchecked") // only ever holds V
  public List<V> valuesByKey() {
    List<V> sorted = new ArrayList<>(size);
    if (size == 0) {
      return sorted;
    }
    long[] present = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        present[n++] = keys[i];
      }
    }
    Arrays.sort(present);
    for (long key : present) {
      sorted.add(get(key));
    }
    return sorted;
  }

  public void clear() {
    if (size > 0) {
      Arrays.fill(values, null);
      size = 0;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        @SuppressWarnings("unchecked") // only ever holds V
        V value = (V) oldValues[i];
      put(oldKeys[i], value);
      }
    }
  }

  private static int slot(long key, int mask) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
  }
}
