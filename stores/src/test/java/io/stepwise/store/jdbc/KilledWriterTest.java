package io.stepwise.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.StoredRun;
import io.stepwise.store.directory.DirectoryRunStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety for real: a child JVM saves checkpoints in a loop and is killed with SIGKILL
 * ({@code destroyForcibly}) at whatever point it has reached; the store must then hold one whole
 * checkpoint, no older than the last save it reported, and accept the next save.
 */
class KilledWriterTest {
  static final String RUN_ID = "killed-run";
  /** Saves the parent waits for before killing, so the kill lands in the middle of the loop. */
  private static final int SAVES_BEFORE_KILL = 25;

  @TempDir
  Path directory;

  /** Checkpoint number {@code step}: big enough that writing it takes a while, and checkable. */
  static Checkpoint checkpointOf(long step) {
    return new Checkpoint(RUN_ID, "KilledFlow", "sha256:k", RunStatus.RUNNING,
        "{\"step\":" + step + ",\"pad\":\"" + Long.toString(step, 36).repeat(40_000) + "\"}");
  }

  @Test
  void directoryStoreKilledMidSaveKeepsAWholeCheckpoint() throws Exception {
    Path runs = directory.resolve("runs");
    long lastPrinted = killWriterAfterSaves("directory", runs.toString());

    DirectoryRunStore store = DirectoryRunStore.open(runs);

    assertWholeCheckpoint(store, lastPrinted);
    try (Stream<Path> files = Files.list(runs)) {
      assertEquals(List.of(".stepwise.lock", "killed-run.run.json"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void sqliteStoreKilledMidSaveKeepsAWholeCheckpoint() throws Exception {
    String url = "jdbc:sqlite:" + directory.resolve("runs.db");
    long lastPrinted = killWriterAfterSaves("jdbc", url);

    assertWholeCheckpoint(JdbcRunStore.create(url), lastPrinted);
  }

  /** The store holds a whole checkpoint, at least as new as the last save the child reported. */
  private static void assertWholeCheckpoint(RunStore store, long lastPrinted) {
    StoredRun stored = store.load(RUN_ID).orElseThrow();
    assertTrue(stored.version() >= lastPrinted, () -> "stored version " + stored.version() + ", last saved " + lastPrinted);
    assertEquals(checkpointOf(stored.version()), stored.checkpoint());
    StoredRun next = store.save(checkpointOf(stored.version() + 1), stored.version());
    assertEquals(stored.version() + 1, next.version());
  }

  /** Starts the writer, waits for its saves, kills it, and returns the last version it printed. */
  private static long killWriterAfterSaves(String kind, String location) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // Native access for sqlite-jdbc, as the test JVM has it (the root pom): no JDK 24+ warning.
    Process child = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"), CheckpointWriterProcess.class.getName(), kind, location)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    long last = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (last < SAVES_BEFORE_KILL && (line = out.readLine()) != null) {
        last = Long.parseLong(line.substring("saved ".length()));
      }
      assertEquals(SAVES_BEFORE_KILL, last, "the writer stopped before " + SAVES_BEFORE_KILL + " saves");
      child.destroyForcibly();
      child.waitFor();
      // Lines it printed before dying: the last one is the last save that completed.
      while ((line = readLineQuietly(out)) != null) {
        last = Long.parseLong(line.substring("saved ".length()));
      }
    } finally {
      child.destroyForcibly();
    }
    assertEquals(137, child.exitValue(), "the writer was killed by SIGKILL");
    return last;
  }

  private static String readLineQuietly(BufferedReader out) {
    try {
      String line = out.readLine();
      return line != null && line.startsWith("saved ") && line.length() > "saved ".length() ? line : null;
    } catch (IOException e) {
      return null;
    }
  }
}
