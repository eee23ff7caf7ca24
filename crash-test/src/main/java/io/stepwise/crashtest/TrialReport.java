package io.stepwise.crashtest;

import java.util.List;

/**
 * What one trial did and whether its guarantees held.
 *
 * @param store the store's kind ({@code sqlite}, {@code postgresql})
 * @param shape the shape's name
 * @param name the trial's name (its files are {@code <name>.*} in the store's directory)
 * @param seed the seed of the trial's random choices
 * @param jvms its worker JVMs, in order
 * @param result the run's result as the last worker or final step reported it, or null if it never ended
 * @param reruns executions that began more than once per attempt (re-runs of steps in flight at a kill)
 * @param failures the guarantees that did not hold; empty when all did
 */
public record TrialReport(String store, String shape, String name, long seed, List<JvmRun> jvms, String result,
    int reruns, List<String> failures) {
  /** Kills that ended a JVM. */
  public long kills() {
    return jvms.stream().filter(JvmRun::killed).count();
  }

  /** Pairs of JVMs that resumed the same stored version at once. */
  public long races() {
    return jvms.stream().filter(jvm -> jvm.mode().endsWith(" (race)")).count() / 2;
  }

  /** JVMs that resumed the run (to resume it or to answer it). */
  public long resumes() {
    return jvms.stream().filter(jvm -> jvm.resumedFrom() != null).count();
  }
}
