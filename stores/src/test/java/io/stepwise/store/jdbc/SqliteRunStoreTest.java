package io.stepwise.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.StoredRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRunStoreTest extends JdbcRunStoreContract {
  @TempDir
  Path directory;

  @Override
  String url() {
    return "jdbc:sqlite:" + directory.resolve("runs.db");
  }

  @Override
  String table() {
    return JdbcRunStore.DEFAULT_TABLE;
  }

  @Test
  void theDatabaseIsOneFileInWalMode() throws Exception {
    store.save(checkpoint("run-1", RunStatus.RUNNING, SNAPSHOT), 0);

    assertTrue(Files.isRegularFile(directory.resolve("runs.db")));
    assertEquals("wal", queryString("PRAGMA journal_mode"));
  }

  @Test
  void storesOpenedAtOnceOnANewFileAllWork() throws Exception {
    String fresh = "jdbc:sqlite:" + directory.resolve("fresh.db");
    List<Future<StoredRun>> saves = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (int i = 0; i < 4; i++) {
        String runId = "run-" + i;
        saves.add(pool.submit(() -> JdbcRunStore.create(fresh).save(checkpoint(runId, RunStatus.RUNNING, SNAPSHOT), 0)));
      }
    }
    for (Future<StoredRun> save : saves) {
      assertEquals(1, save.get().version());
    }
    assertEquals(4, JdbcRunStore.create(fresh).list().size());
  }

  @Test
  void urlWithoutADriverSaysWhichDriverToAdd() {
    RunStoreException open = assertThrows(RunStoreException.class, () -> JdbcRunStore.create("jdbc:nosuchdb:runs"));

    assertEquals("Cannot open a run store over jdbc:nosuchdb:runs: Cannot create the table (table stepwise_runs):"
        + " No suitable driver found for jdbc:nosuchdb:runs (SQL state 08001). Put the database's JDBC driver on the"
        + " class path (org.xerial:sqlite-jdbc, org.postgresql:postgresql).", open.getMessage());
  }

  @Test
  void urlMustBeAJdbcUrl() {
    IllegalArgumentException notJdbc = assertThrows(IllegalArgumentException.class,
        () -> JdbcRunStore.create("sqlite:runs.db"));

    assertEquals("A JDBC URL starts with 'jdbc:', e.g. jdbc:sqlite:runs.db, was 'sqlite:runs.db'.", notJdbc.getMessage());
  }
}
