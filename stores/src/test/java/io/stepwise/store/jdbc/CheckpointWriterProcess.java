package io.stepwise.store.jdbc;

import io.stepwise.store.RunStore;
import io.stepwise.store.StoredRun;
import io.stepwise.store.directory.DirectoryRunStore;
import java.nio.file.Path;

/**
 * The child JVM of {@link KilledWriterTest}: saves ever newer checkpoints of one run, as fast as it
 * can, and prints each saved version, until it is killed.
 */
public final class CheckpointWriterProcess {
  private CheckpointWriterProcess() {}

  public static void main(String[] args) {
    RunStore store = switch (args[0]) {
      case "directory" -> DirectoryRunStore.open(Path.of(args[1]));
      case "jdbc" -> JdbcRunStore.create(args[1]);
      default -> throw new IllegalArgumentException("store kind: directory or jdbc, was " + args[0]);
    };
    long version = store.load(KilledWriterTest.RUN_ID).map(StoredRun::version).orElse(0L);
    while (true) {
      version = store.save(KilledWriterTest.checkpointOf(version + 1), version).version();
      System.out.println("saved " + version);
      System.out.flush();
    }
  }
}
