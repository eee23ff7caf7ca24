package io.stepwise.store.jdbc;

import java.nio.file.Path;
import java.util.List;
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
}
