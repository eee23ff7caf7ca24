package io.stepwise.benchmarks.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the store benchmark once per mode, briefly, so a broken benchmark fails the build. */
@Timeout(60)
class CheckpointSavesTest {
  @TempDir
  Path directory;

  @Test
  void bothModesSaveAndEverySaveIsStored() throws Exception {
    String database = "jdbc:sqlite:" + directory.resolve("saves.db");
    for (boolean group : new boolean[] {true, false}) {
      double[] result = CheckpointSaves.measure(database, null, "test", group, 4, 1);

      assertTrue(result[0] > 0, "saves per second: " + result[0]);
      assertTrue(result[1] > 0 && result[1] <= result[2], "p50 " + result[1] + ", p99 " + result[2]);
    }
  }
}
