package io.stepwise.internal.stream;

import java.util.function.BooleanSupplier;

/**
 * Lets a caller's platform thread spin for a few microseconds before it parks on a run.
 *
 * <p>Waking a parked platform thread costs a futex call and a trip through the OS scheduler:
 * measured here at 60 to 80 µs on a 2-core virtual machine, against about 2 µs for a virtual
 * thread to do a short step and publish its result to a spinning caller. A run that finishes,
 * or reaches its next stream event, within the spin is handed over with no wake-up at all; a
 * longer one costs the caller at most {@link #SPIN_NANOS} of CPU before it parks as usual, which
 * bounds the waste by the price of the wake-up it tries to avoid. Virtual threads never spin:
 * parking one is cheap, and spinning would hold a carrier the steps may need.
 */
public final class BriefSpin {
  /** About the cost of one park and unpark on the machines measured (see docs/benchmarks.md). */
  static final long SPIN_NANOS = 50_000;

  private static final boolean MULTICORE = Runtime.getRuntime().availableProcessors() > 1;

  private BriefSpin() {}

  /**
   * Spins until {@code done} holds or the spin budget is spent.
   *
   * @return whether {@code done} holds; when false the caller parks as it would have anyway
   */
  public static boolean until(BooleanSupplier done) {
    if (done.getAsBoolean()) {
      return true;
    }
    if (!MULTICORE || Thread.currentThread().isVirtual()) {
      return false; // one core: the step cannot progress while we spin
    }
    long deadline = System.nanoTime() + SPIN_NANOS;
    do {
      Thread.onSpinWait();
      if (done.getAsBoolean()) {
        return true;
      }
    } while (System.nanoTime() - deadline < 0);
    return false;
  }
}
