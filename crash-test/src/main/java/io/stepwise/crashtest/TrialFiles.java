package io.stepwise.crashtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The files of one trial, in the directory its workers run in: {@code <name>.ledger} (see
 * {@link Ledger}) and {@code <name>.runid}, the id the runtime gave the trial's run (it has no
 * caller-chosen run ids), written before any step of the run may begin.
 *
 * @param directory the trial's directory, the workers' working directory
 * @param name the trial's name, chosen by the driver
 */
public record TrialFiles(Path directory, String name) {
  /** The trial's ledger. */
  public Path ledger() {
    return directory.resolve(name + ".ledger");
  }

  /** Where the run's id is kept. */
  public Path runIdFile() {
    return directory.resolve(name + ".runid");
  }

  /** Records the run's id, whole and on disk, or not at all: a temporary file renamed over it. */
  public void writeRunId(String runId) {
    Path temporary = directory.resolve("." + name + ".runid.tmp");
    try {
      Files.writeString(temporary, runId, StandardCharsets.UTF_8);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temporary, runIdFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record the run id in " + runIdFile(), e);
    }
  }

  /** The run's id, or empty when no worker recorded one yet. */
  public Optional<String> readRunId() {
    try {
      return Files.exists(runIdFile()) ? Optional.of(Files.readString(runIdFile(), StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the run id from " + runIdFile(), e);
    }
  }
}
