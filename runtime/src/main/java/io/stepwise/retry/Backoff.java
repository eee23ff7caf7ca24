package io.stepwise.retry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long a policy waits before the next attempt. {@code retry} counts retries from 1 (the delay
 * before the second attempt); {@code seed} is the failure's, so random delays repeat on replay.
 */
@FunctionalInterface
public interface Backoff {
  Duration delay(int retry, long seed);

  /** This delay plus {@code other}'s, as {@code fixed(1s).plus(random(0, 500ms))}. */
  default Backoff plus(Backoff other) {
    Objects.requireNonNull(other, "other");
    return (retry, seed) -> delay(retry, seed).plus(other.delay(retry, seed ^ 0x9E3779B97F4A7C15L));
  }

  /** This delay, never more than {@code max}. */
  default Backoff atMost(Duration max) {
    Durations.requireNotNegative(max, "max");
    return (retry, seed) -> Durations.min(delay(retry, seed), max);
  }

  /** This delay spread by up to {@code ±fraction} of itself (0.0 to 1.0), from the seed. */
  default Backoff withJitter(double fraction) {
    if (!(fraction >= 0.0 && fraction <= 1.0)) {
      throw new IllegalArgumentException("jitter must be between 0.0 and 1.0, was " + fraction);
    }
    return (retry, seed) -> {
      double spread = new SplittableRandom(seed).nextDouble(-1.0, 1.0) * fraction;
      return Durations.scale(delay(retry, seed), 1.0 + spread);
    };
  }

  /** No wait. */
  static Backoff none() {
    return (retry, seed) -> Duration.ZERO;
  }

  /** The same delay before every retry. */
  static Backoff fixed(Duration delay) {
    Durations.requireNotNegative(delay, "delay");
    return (retry, seed) -> delay;
  }

  /** {@code initial} before the first retry, multiplied by {@code factor} for each later one, capped by {@code max}. */
  static Backoff exponential(Duration initial, double factor, Duration max) {
    Durations.requireNotNegative(initial, "initial");
    Durations.requireNotNegative(max, "max");
    if (!(factor >= 1.0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be 1.0 or more, was " + factor);
    }
    return (retry, seed) -> Durations.min(Durations.scale(initial, Math.pow(factor, retry - 1)), max);
  }

  /** {@code start} before the first retry, {@code increment} more for each later one. */
  static Backoff linear(Duration start, Duration increment) {
    Durations.requireNotNegative(start, "start");
    Durations.requireNotNegative(increment, "increment");
    return (retry, seed) -> Durations.scale(increment, retry - 1).plus(start);
  }

  /** A delay drawn uniformly between {@code min} and {@code max}, from the seed. */
  static Backoff random(Duration min, Duration max) {
    Durations.requireNotNegative(min, "min");
    if (max.compareTo(min) < 0) {
      throw new IllegalArgumentException("max " + max + " is less than min " + min);
    }
    long span = max.minus(min).toNanos();
    return (retry, seed) -> span == 0 ? min : min.plusNanos(new SplittableRandom(seed).nextLong(span + 1));
  }

  /** {@code delays.get(n - 1)} before retry {@code n}; the last one for every retry after. */
  static Backoff steps(List<Duration> delays) {
    List<Duration> copy = List.copyOf(delays);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("Backoff.steps needs at least one delay");
    }
    copy.forEach(d -> Durations.requireNotNegative(d, "delay"));
    return (retry, seed) -> copy.get(Math.min(retry, copy.size()) - 1);
  }
}
