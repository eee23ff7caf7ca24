package io.stepwise.crashtest;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Names one step execution the same way on both sides of a crash: a step writes it to the ledger
 * when it begins, and the driver derives it from a stored snapshot's executions in flight. The
 * key is {@code workflow.step,n1+n2...}, where the numbers are the {@code n} of each input event
 * (every event of the crash-test workflows carries one), in the step's parameter order.
 */
public final class ExecutionKey {
  private ExecutionKey() {}

  /** The key of {@code step} of {@code workflow} run on events numbered {@code ns}. */
  public static String of(String workflow, String step, int... ns) {
    return workflow + "." + step + "," + Arrays.stream(ns).mapToObj(Integer::toString).collect(Collectors.joining("+"));
  }

  /** The key as {@link #of} makes it, from numbers already written out. */
  static String of(String workflow, String step, Iterable<String> ns) {
    return workflow + "." + step + "," + String.join("+", ns);
  }
}
