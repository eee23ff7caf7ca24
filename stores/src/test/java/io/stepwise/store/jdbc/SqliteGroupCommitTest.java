package io.stepwise.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.store.StoredRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteGroupCommitTest extends GroupCommitContract {
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

  @Override
  List<String> refuseSnapshot(String table, String snapshot) {
    return List.of("CREATE TRIGGER refuse_snapshot BEFORE UPDATE ON " + table + " WHEN NEW.snapshot = '" + snapshot
        + "' BEGIN SELECT RAISE(ABORT, 'poisoned checkpoint'); END");
  }

  @Test
  void aBatchWritesItsRowsInRunIdOrderKeepingEachRunsSavesInOrder() throws Exception {
    StoredRun lead = store.save(checkpoint("lead", "{}"), 0);
    store.save(checkpoint("b", "{}"), 0);
    store.save(checkpoint("a", "{}"), 0);
    String log = "INSERT INTO write_log (entry) VALUES (NEW.run_id || ' ' || NEW.version)";
    execute(List.of("CREATE TABLE write_log (n INTEGER PRIMARY KEY AUTOINCREMENT, entry TEXT NOT NULL)",
        "CREATE TRIGGER log_update AFTER UPDATE ON " + table() + " BEGIN " + log + "; END",
        "CREATE TRIGGER log_insert AFTER INSERT ON " + table() + " BEGIN " + log + "; END"));

    List<CompletableFuture<StoredRun>> saves;
    try (Connection blocker = lockRun("lead")) {
      CompletableFuture<StoredRun> leader = saveAsync(checkpoint("lead", "{\"v\":2}"), lead.version());
      awaitProgress(p -> p.writing() && p.waiting() == 0);
      saves = List.of(
          queue(checkpoint("c", "{}"), 0),
          queue(checkpoint("b", "{}"), 1),
          queue(checkpoint("a", "{}"), 1),
          queue(checkpoint("b", "{}"), 2),
          queue(checkpoint("a", "{}"), 2));
      blocker.commit();
      assertEquals(2, leader.get().version());
    }

    List<Long> versions = new ArrayList<>();
    for (CompletableFuture<StoredRun> save : saves) {
      versions.add(save.get().version());
    }
    assertEquals(List.of(1L, 2L, 2L, 3L, 3L), versions);
    // The blocker's own update of "lead", the leader's save alone, then the batch by run id.
    assertEquals(List.of("lead 1", "lead 2", "a 2", "a 3", "b 2", "b 3", "c 1"), writeLog());
  }

  private List<String> writeLog() throws SQLException {
    List<String> entries = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url());
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT entry FROM write_log ORDER BY n")) {
      while (row.next()) {
        entries.add(row.getString(1));
      }
    }
    return entries;
  }
}
