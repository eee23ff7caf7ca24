package io.stepwise.crashtest;

import java.nio.file.Path;

/**
 * The files of one trial, in the directory its workers run in. The trial's name is also its
 * run's id (a caller-chosen id, {@code RunOptions.Builder.runId}), so it must be new to the store.
 *
 * @param directory the trial's directory, the workers' working directory
 * @param name the trial's name and run id, chosen by the driver
 */
public record TrialFiles(Path directory, String name) {
  /** The trial's ledger ({@link Ledger}). */
  public Path ledger() {
    return directory.resolve(name + ".ledger");
  }

  /** The output of the trial's JVM number {@code index}. */
  public Path log(int index) {
    return directory.resolve(name + "." + index + ".log");
  }
}
