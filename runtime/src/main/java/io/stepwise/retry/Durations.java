package io.stepwise.retry;

import java.time.Duration;

/** Saturating arithmetic on durations, so a long backoff caps at the largest delay instead of overflowing. */
final class Durations {
  private Durations() {}

  static void requireNotNegative(Duration duration, String name) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or more, was " + duration);
    }
  }

  static Duration scale(Duration duration, double factor) {
    double nanos = duration.toNanos() * factor;
    return Duration.ofNanos(Math.max(0L, Math.min(Long.MAX_VALUE, Math.round(nanos))));
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
