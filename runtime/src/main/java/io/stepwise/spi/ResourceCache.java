package io.stepwise.spi;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The cached resources of one compiled workflow: one slot per {@code @Provides} method that is
 * cached, each filled once, on first use, by the generated code. Thread-safe: concurrent first
 * uses of one slot call its provider once; a provider that throws leaves the slot empty, so the
 * next use tries again.
 */
public final class ResourceCache {
  private final AtomicReferenceArray<Object> values;
  // One lock per slot: a provider may fill the slots it depends on while holding its own, and the
  // processor proves the providers acyclic, so locks are always taken in dependency order.
  private final ReentrantLock[] locks;

  /** A cache with {@code size} empty slots. */
  public ResourceCache(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, was " + size);
    }
    values = new AtomicReferenceArray<>(size);
    locks = new ReentrantLock[size];
    for (int i = 0; i < size; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** Creates one resource; may throw whatever its provider throws. */
  @FunctionalInterface
  public interface Factory<V> {
    V create() throws Exception;
  }

  /**
   * The resource in {@code slot}, created with {@code factory} if the slot is empty.
   *
   * @param provider the provider's method name, for the message when it returns null
   * @throws IllegalStateException when the provider returns null
   * @throws Exception whatever the provider throws
   */
  @SuppressWarnings("unchecked") // each slot only ever holds what its one generated factory returns
  public <V> V get(int slot, String provider, Factory<V> factory) throws Exception {
    Object value = values.get(slot);
    if (value != null) {
      return (V) value;
    }
    ReentrantLock lock = locks[slot];
    lock.lock();
    try {
      value = values.get(slot);
      if (value == null) {
        value = factory.create();
        if (value == null) {
          throw new IllegalStateException("Resource provider '" + provider
              + "' returned null; return the resource it provides, or throw to say why there is none");
        }
        values.set(slot, value);
      }
      return (V) value;
    } finally {
      lock.unlock();
    }
  }
}
