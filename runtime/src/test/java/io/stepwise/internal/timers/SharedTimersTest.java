package io.stepwise.internal.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SharedTimersTest {
  @Test
  void aShortTimerFiresWhileTheThreadSleepsTowardsALongOne() throws InterruptedException {
    SharedTimers timers = new SharedTimers("test-timer-short");
    timers.schedule(Duration.ofHours(1), () -> {});
    CountDownLatch fired = new CountDownLatch(1);
    timers.schedule(Duration.ofMillis(5), fired::countDown);
    assertTrue(fired.await(30, TimeUnit.SECONDS), "the 5 ms timer never fired");
    assertEquals(1, timers.pending());
  }

  @Test
  void cancelledTimersLeaveTheHeapWhateverTheirPlace() {
    SharedTimers timers = new SharedTimers("test-timer-cancel");
    List<Timers.Pending> pending = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      pending.add(timers.schedule(Duration.ofHours(1 + (i * 37) % 100), () -> {}));
    }
    for (int i = 0; i < 100; i += 3) {
      pending.get(i).cancel();
    }
    assertEquals(66, timers.pending());
    pending.forEach(Timers.Pending::cancel);
    pending.get(1).cancel(); // cancelling twice changes nothing
    assertEquals(0, timers.pending());
  }

  @Test
  void timersFireEvenAfterCancelledOnesAheadOfThem() throws InterruptedException {
    SharedTimers timers = new SharedTimers("test-timer-order");
    CountDownLatch fired = new CountDownLatch(20);
    for (int i = 0; i < 20; i++) {
      timers.schedule(Duration.ofMillis(1), () -> {}).cancel();
      timers.schedule(Duration.ofMillis(2 + i), fired::countDown);
    }
    assertTrue(fired.await(30, TimeUnit.SECONDS), "only " + (20 - fired.getCount()) + " of 20 timers fired");
    assertEquals(0, timers.pending());
  }

  @Test
  @Timeout(60)
  void anIdleThreadEndsWhenInterruptedAndTheNextTimerStartsAnother() throws InterruptedException {
    SharedTimers timers = new SharedTimers("test-timer-interrupt-idle");
    CountDownLatch first = new CountDownLatch(1);
    timers.schedule(Duration.ZERO, first::countDown);
    assertTrue(first.await(30, TimeUnit.SECONDS), "the first timer never fired");
    Thread idle = timers.thread();

    idle.interrupt(); // what exec:java does to a program's leftover threads
    idle.join(30_000);

    assertFalse(idle.isAlive(), "the idle timer thread ignored the interrupt");
    assertNull(timers.thread());
    CountDownLatch second = new CountDownLatch(1);
    timers.schedule(Duration.ZERO, second::countDown);
    assertTrue(second.await(30, TimeUnit.SECONDS), "no timer fires after the thread ended");
    assertNotSame(idle, timers.thread());
  }

  @Test
  @Timeout(60)
  void aThreadWithPendingTimersKeepsServingThemWhenInterrupted() throws InterruptedException {
    SharedTimers timers = new SharedTimers("test-timer-interrupt-busy");
    timers.schedule(Duration.ofHours(1), () -> {}); // a live run's timeout
    Thread busy = timers.thread();

    busy.interrupt();
    CountDownLatch fired = new CountDownLatch(1);
    timers.schedule(Duration.ofMillis(5), fired::countDown);

    assertTrue(fired.await(30, TimeUnit.SECONDS), "the 5 ms timer never fired");
    assertSame(busy, timers.thread());
    assertTrue(busy.isAlive());
    assertEquals(1, timers.pending());
  }
}
