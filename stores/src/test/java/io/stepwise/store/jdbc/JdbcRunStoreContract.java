package io.stepwise.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.StaleRunException;
import io.stepwise.store.StoredRun;
import io.stepwise.store.contract.RunStoreContract;
import io.stepwise.store.contract.TickingClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@link RunStore} contract plus what is particular to SQL tables, for each database. */
abstract class JdbcRunStoreContract extends RunStoreContract {
  /** The database under test. */
  abstract String url();

  /** The table this test class uses, fresh for each test. */
  abstract String table();

  @Override
  protected RunStore open(InstantSource clock) {
    return JdbcRunStore.builder(url()).table(table()).clock(clock).build();
  }

  @Override
  protected RunStore reopen(InstantSource clock) {
    return open(clock);
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  String queryString(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url());
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void checkpointsOutliveTheStoreThatSavedThem() {
    StoredRun saved = store.save(checkpoint("run-1", RunStatus.WAITING, SNAPSHOT), 0);

    assertEquals(Optional.of(saved), reopen(new TickingClock()).load("run-1"));
  }

  @Test
  void reopeningKeepsTheTableAndItsRows() {
    StoredRun saved = store.save(checkpoint("run-1", RunStatus.WAITING, SNAPSHOT), 0);
    reopen(new TickingClock());
    reopen(new TickingClock());

    assertEquals(1, store.list().size());
    assertEquals(Optional.of(saved), store.load("run-1"));
  }

  @Test
  void corruptRowIsReportedAndLeftAsItIs() throws SQLException {
    StoredRun good = store.save(checkpoint("good", RunStatus.RUNNING, SNAPSHOT), 0);
    store.save(checkpoint("bad", RunStatus.RUNNING, SNAPSHOT), 0);
    execute("UPDATE " + table() + " SET status = 'PAUSED' WHERE run_id = 'bad'");

    RunStoreException load = assertThrows(RunStoreException.class, () -> store.load("bad"));

    assertEquals("Row 'bad' of table " + table() + " is not a readable run record: its status 'PAUSED' is none of"
        + " [RUNNING, WAITING, FINISHED, FAILED]. The row was left as it is; repair it, or delete it to give up"
        + " the run.", load.getMessage());
    assertThrows(RunStoreException.class, () -> store.list());
    assertEquals("PAUSED", queryString("SELECT status FROM " + table() + " WHERE run_id = 'bad'"));
    assertEquals(Optional.of(good), store.load("good"));
  }

  @Test
  void tableNameMustBeAPlainSqlName() {
    IllegalArgumentException injection = assertThrows(IllegalArgumentException.class,
        () -> JdbcRunStore.builder(url()).table("runs; DROP TABLE x"));

    assertEquals("A run store table is a plain SQL name, optionally schema-qualified (letters, digits, '_',"
        + " not starting with a digit, at most 56 characters), was 'runs; DROP TABLE x'.", injection.getMessage());
  }

  @Test
  void aStaleSaveWritesNothing() throws SQLException {
    StoredRun first = store.save(checkpoint("run-1", RunStatus.RUNNING, "{\"step\":1}"), 0);
    store.save(checkpoint("run-1", RunStatus.RUNNING, "{\"step\":2}"), first.version());

    assertThrows(StaleRunException.class, () -> store.save(checkpoint("run-1", RunStatus.FAILED, "{\"x\":0}"), 1));

    assertEquals("{\"step\":2}", queryString("SELECT snapshot FROM " + table() + " WHERE run_id = 'run-1'"));
    assertTrue(queryString("SELECT status FROM " + table() + " WHERE run_id = 'run-1'").equals("RUNNING"));
  }
}
