package io.stepwise.internal.run;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New run ids: 128 bits in the layout of a random (version 4) UUID, as {@link UUID#randomUUID()}
 * writes them, so they are as unique and as hard to guess.
 *
 * <p>The bits are SipHash-2-4 (a keyed pseudo-random function) of a per-process counter, under a
 * 128-bit key read once from the operating system's random source. Distinct counters give
 * unrelated outputs, so ids of one process collide no more often than random UUIDs, and without
 * the key nobody can predict the next id from earlier ones. This costs tens of nanoseconds per id,
 * where {@code randomUUID()} takes a lock in {@code SecureRandom} for every id and costs a fresh
 * JVM about 20 ms to set up its providers.
 */
public final class RunIds {
  private static final long K0;
  private static final long K1;
  private static final AtomicLong COUNTER = new AtomicLong();

  static {
    byte[] key = osRandom(16);
    K0 = littleEndian(key, 0);
    K1 = littleEndian(key, 8);
  }

  private RunIds() {}

  /** A run id no other run of this or any other process had, with overwhelming probability. */
  public static String next() {
    long n = COUNTER.getAndIncrement();
    long high = sipHash24(K0, K1, n << 1);
    long low = sipHash24(K0, K1, (n << 1) | 1);
    high = (high & ~0xF000L) | 0x4000L; // version 4
    low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }

  /** SipHash-2-4 of one 8-byte message (the long's little-endian bytes). */
  static long sipHash24(long k0, long k1, long message) {
    long v0 = 0x736f6d6570736575L ^ k0;
    long v1 = 0x646f72616e646f6dL ^ k1;
    long v2 = 0x6c7967656e657261L ^ k0;
    long v3 = 0x7465646279746573L ^ k1;
    long last = 8L << 56; // the final block: empty, with the message length in its top byte
    // Two rounds per block (the message, then the final one), then four to finish.
    for (int round = 0; round < 8; round++) {
      if (round == 0) {
        v3 ^= message;
      } else if (round == 2) {
        v0 ^= message;
        v3 ^= last;
      } else if (round == 4) {
        v0 ^= last;
        v2 ^= 0xff;
      }
      v0 += v1;
      v1 = Long.rotateLeft(v1, 13) ^ v0;
      v0 = Long.rotateLeft(v0, 32);
      v2 += v3;
      v3 = Long.rotateLeft(v3, 16) ^ v2;
      v0 += v3;
      v3 = Long.rotateLeft(v3, 21) ^ v0;
      v2 += v1;
      v1 = Long.rotateLeft(v1, 17) ^ v2;
      v2 = Long.rotateLeft(v2, 32);
    }
    return v0 ^ v1 ^ v2 ^ v3;
  }

  /** Bytes from {@code /dev/urandom} where there is one (cheap to open), else from {@link SecureRandom}. */
  private static byte[] osRandom(int count) {
    byte[] bytes = new byte[count];
    try (InputStream in = new FileInputStream("/dev/urandom")) {
      if (in.readNBytes(bytes, 0, count) == count) {
        return bytes;
      }
    } catch (IOException | SecurityException noDevice) {
      // not a Unix-like system: fall back to the JDK's generator
    }
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  private static long littleEndian(byte[] bytes, int from) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[from + i] & 0xFF);
    }
    return value;
  }
}
