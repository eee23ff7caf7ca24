package io.stepwise.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BriefSpinTest {

  @Test
  void conditionAlreadyTrueIsCheckedOnce() {
    AtomicInteger checks = new AtomicInteger();

    assertTrue(BriefSpin.until(() -> checks.incrementAndGet() > 0));
    assertEquals(1, checks.get());
  }

  @Test
  void conditionThatTurnsTrueWhileSpinningEndsTheSpin() {
    AtomicInteger checks = new AtomicInteger();

    assertTrue(BriefSpin.until(() -> checks.incrementAndGet() == 3));
    assertEquals(3, checks.get());
  }

  @Test
  void conditionThatNeverHoldsGivesUpSoTheCallerParks() {
    assertFalse(BriefSpin.until(() -> false));
  }

  @Test
  void virtualThreadsDoNotSpin() throws InterruptedException {
    AtomicInteger checks = new AtomicInteger();
    AtomicBoolean result = new AtomicBoolean(true);

    Thread.ofVirtual().start(() -> result.set(BriefSpin.until(() -> checks.incrementAndGet() > 1))).join();

    assertFalse(result.get());
    assertEquals(1, checks.get());
  }
}
