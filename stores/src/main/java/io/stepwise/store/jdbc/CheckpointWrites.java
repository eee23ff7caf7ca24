package io.stepwise.store.jdbc;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.StaleRunException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of saving checkpoints: one save as one statement, or many in one transaction of JDBC
 * batch statements. Either way each save checks the version it replaces in the statement that
 * writes it, so the check and the write are atomic in the database.
 */
final class CheckpointWrites {
  private final String table;
  private final SqlDialect dialect;
  private final String insert;
  private final String update;

  CheckpointWrites(String table, SqlDialect dialect) {
    this.table = table;
    this.dialect = dialect;
    // Both dialects: a concurrent first save of the same run inserts nothing instead of failing.
    this.insert = "INSERT INTO " + table + " (" + JdbcRunStore.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (run_id) DO NOTHING";
    this.update = "UPDATE " + table + " SET run_id = ?, workflow = ?, graph_hash = ?, status = ?,"
        + " version = ?, updated_at = ?, snapshot = ? WHERE run_id = ? AND version = ?";
  }

  /**
   * Writes one save as one statement on a connection in auto-commit mode.
   *
   * @return null if it was written, else why not
   */
  StaleRunException writeOne(Connection connection, CheckpointSave save) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(save.isFirst() ? insert : update)) {
      bind(statement, save);
      if (statement.executeUpdate() == 1) {
        return null;
      }
    }
    return new StaleRunException(save.runId(), save.expectedVersion(), storedVersion(connection, save.runId()));
  }

  /**
   * Writes the saves in one transaction, ordered by run id (saves of one run in the order they
   * came). A save whose version check fails writes nothing and does not stop the others; any SQL
   * error rolls everything back and is thrown.
   *
   * <p>Why by run id: a transaction locks each row it writes until it commits. Two processes whose
   * batches share runs, written in the order each got them, could each hold a row the other needs
   * next, and PostgreSQL would end the deadlock by failing one batch. In one order, one waits.
   *
   * @return for each save, in the order given: null if it was written, else why not
   */
  StaleRunException[] writeAll(Connection connection, List<CheckpointSave> saves) throws SQLException {
    Integer[] order = new Integer[saves.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> saves.get(i).runId())); // stable: a run's saves keep their order
    List<CheckpointSave> sorted = Arrays.stream(order).map(saves::get).toList();
    StaleRunException[] sortedOutcomes = writeInOrder(connection, sorted);
    StaleRunException[] outcomes = new StaleRunException[saves.size()];
    for (int i = 0; i < order.length; i++) {
      outcomes[order[i]] = sortedOutcomes[i];
    }
    return outcomes;
  }

  /**
   * Writes the saves in the order given, in one transaction: JDBC batches of inserts (first saves)
   * and of updates, one batch per stretch of the same kind, so the database sees them in order.
   */
  private StaleRunException[] writeInOrder(Connection connection, List<CheckpointSave> saves) throws SQLException {
    connection.setAutoCommit(false);
    try {
      int[] counts = new int[saves.size()];
      try (PreparedStatement inserts = connection.prepareStatement(insert);
          PreparedStatement updates = connection.prepareStatement(update)) {
        int start = 0;
        while (start < saves.size()) {
          boolean first = saves.get(start).isFirst();
          PreparedStatement statement = first ? inserts : updates;
          int end = start;
          for (; end < saves.size() && saves.get(end).isFirst() == first; end++) {
            bind(statement, saves.get(end));
            statement.addBatch();
          }
          int[] stretch = statement.executeBatch();
          if (stretch.length != end - start) {
            throw new SQLException("The JDBC driver reported " + stretch.length + " update counts for a batch of "
                + (end - start) + " checkpoint saves.");
          }
          System.arraycopy(stretch, 0, counts, start, stretch.length);
          start = end;
        }
      }
      StaleRunException[] refused = refusals(saves, counts, storedVersions(connection, saves, counts));
      connection.commit();
      return refused;
    } catch (SQLException | RuntimeException e) {
      rollback(connection, e);
      throw e;
    } finally {
      restoreAutoCommit(connection);
    }
  }

  /**
   * Why each save with update count 0 was refused: the version the run had when its statement
   * ran. A save of the same run earlier in the batch that was written set it; else one later in
   * the batch that was written found the version it expected; else it is the version stored now,
   * read in the batch's transaction.
   */
  static StaleRunException[] refusals(List<CheckpointSave> saves, int[] counts, Map<String, Long> storedNow) {
    StaleRunException[] refused = new StaleRunException[saves.size()];
    for (int i = 0; i < saves.size(); i++) {
      if (counts[i] == 1) {
        continue;
      }
      CheckpointSave save = saves.get(i);
      Long actual = null;
      for (int j = i - 1; j >= 0 && actual == null; j--) {
        if (counts[j] == 1 && saves.get(j).runId().equals(save.runId())) {
          actual = saves.get(j).run().version();
        }
      }
      for (int k = i + 1; k < saves.size() && actual == null; k++) {
        if (counts[k] == 1 && saves.get(k).runId().equals(save.runId())) {
          actual = saves.get(k).expectedVersion();
        }
      }
      if (actual == null) {
        actual = storedNow.getOrDefault(save.runId(), 0L);
      }
      refused[i] = new StaleRunException(save.runId(), save.expectedVersion(), actual);
    }
    return refused;
  }

  /** The stored versions of the runs of the refused saves, in the transaction that refused them. */
  private Map<String, Long> storedVersions(Connection connection, List<CheckpointSave> saves, int[] counts)
      throws SQLException {
    Map<String, Long> versions = new HashMap<>();
    for (int i = 0; i < saves.size(); i++) {
      if (counts[i] == 1) {
        continue;
      }
      if (counts[i] != 0) {
        // Statement.SUCCESS_NO_INFO or more than one row: which saves were written is unknown.
        throw new BatchUpdateException("The JDBC driver reported update count " + counts[i] + " for the save of run '"
            + saves.get(i).runId() + "', not 0 or 1, so it cannot tell which saves were written.", counts);
      }
      String runId = saves.get(i).runId();
      if (!versions.containsKey(runId)) {
        versions.put(runId, storedVersion(connection, runId));
      }
    }
    return versions;
  }

  private void bind(PreparedStatement statement, CheckpointSave save) throws SQLException {
    Checkpoint checkpoint = save.run().checkpoint();
    statement.setString(1, checkpoint.runId());
    statement.setString(2, checkpoint.workflow());
    statement.setString(3, checkpoint.graphHash());
    statement.setString(4, checkpoint.status().name());
    statement.setLong(5, save.run().version());
    dialect.bindTime(statement, 6, save.run().updatedAt());
    statement.setString(7, checkpoint.snapshotJson());
    if (!save.isFirst()) {
      statement.setString(8, checkpoint.runId());
      statement.setLong(9, save.expectedVersion());
    }
  }

  private long storedVersion(Connection connection, String runId) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT version FROM " + table + " WHERE run_id = ?")) {
      statement.setString(1, runId);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  /**
   * Puts a pooled connection back as it came. The outcome is decided by then (committed or rolled
   * back), so a failure here must not turn it into another; the connection is closed next anyway.
   */
  private static void restoreAutoCommit(Connection connection) {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      // The connection is closed (or returned to its pool, which resets it) right after this.
    }
  }

  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
