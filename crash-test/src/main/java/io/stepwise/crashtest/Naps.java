package io.stepwise.crashtest;

import java.util.concurrent.ThreadLocalRandom;

/** Short random sleeps inside step bodies, so that a kill often lands while a step is running. */
final class Naps {
  private Naps() {}

  /** Sleeps between {@code minMillis} (inclusive) and {@code maxMillis} (exclusive). */
  static void nap(int minMillis, int maxMillis) throws InterruptedException {
    Thread.sleep(ThreadLocalRandom.current().nextInt(minMillis, maxMillis));
  }
}
