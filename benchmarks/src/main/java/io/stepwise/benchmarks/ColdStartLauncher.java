package io.stepwise.benchmarks;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * S5's stopwatch: starts a command as a fresh process {@code forks} times and reports the median
 * and the fastest whole-process wall time, from before the process is created until it has exited.
 * The command is any program (ours, a peer's JVM, Node), so every contender is timed the same way.
 *
 * <p>Usage: {@code ColdStartLauncher <forks> <command> [args...]}; prints
 * {@code cold-start-ms <median> <min>}. Two untimed forks first warm the file cache.
 */
public final class ColdStartLauncher {
  private static final int UNTIMED_FORKS = 2;

  private ColdStartLauncher() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 2) {
      throw new IllegalArgumentException("Usage: ColdStartLauncher <forks> <command> [args...]; got " + Arrays.toString(args));
    }
    int forks = Integer.parseInt(args[0]);
    double[] millis = measure(forks, List.of(args).subList(1, args.length));
    System.out.printf("cold-start-ms %.1f %.1f%n", median(millis), millis[0]);
  }

  /** Wall times of {@code forks} timed runs of {@code command}, in milliseconds, sorted. */
  public static double[] measure(int forks, List<String> command) throws IOException, InterruptedException {
    if (forks < 1) {
      throw new IllegalArgumentException("forks must be at least 1, was " + forks);
    }
    for (int i = 0; i < UNTIMED_FORKS; i++) {
      runOnce(command);
    }
    double[] millis = new double[forks];
    for (int i = 0; i < forks; i++) {
      millis[i] = runOnce(command) / 1e6;
    }
    Arrays.sort(millis);
    return millis;
  }

  private static long runOnce(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    long start = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    long elapsed = System.nanoTime() - start;
    if (exit != 0) {
      throw new IllegalStateException("Cold-start command " + command + " exited with " + exit + "; run it by hand to see why.");
    }
    return elapsed;
  }

  static double median(double[] sorted) {
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
