package io.stepwise.dbos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The side effects of the test workflows' steps, in PostgreSQL so that every worker JVM writes to
 * one ledger: a line when a step execution begins and one when it completes, with the JVM's pid.
 */
public final class Ledger {
  private final String url;
  private final String table;

  public Ledger(String url, String schema) {
    this.url = url;
    this.table = schema + ".test_ledger";
  }

  public void create() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + table.substring(0, table.indexOf('.')));
      statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (id BIGSERIAL PRIMARY KEY, run_id TEXT NOT NULL,"
          + " step TEXT NOT NULL, phase TEXT NOT NULL, pid BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
    }
  }

  public void write(String runId, String step, String phase) {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
            + " (run_id, step, phase, pid) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, runId);
      insert.setString(2, step);
      insert.setString(3, phase);
      insert.setLong(4, ProcessHandle.current().pid());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("ledger write failed", e);
    }
  }

  /** Lines of a run as {@code step:phase}, in the order written. */
  public List<String> lines(String runId) throws SQLException {
    return query("SELECT step || ':' || phase FROM " + table + " WHERE run_id = ? ORDER BY id", runId);
  }

  /** The pids that wrote lines of {@code step:phase} for a run, in order. */
  public List<String> pids(String runId, String step, String phase) throws SQLException {
    return query("SELECT pid::text FROM " + table + " WHERE run_id = ? AND step = '" + step + "' AND phase = '"
        + phase + "' ORDER BY id", runId);
  }

  /** Lines of a run as {@code step:phase@pid@time}, for failure messages. */
  public List<String> timeline(String runId) throws SQLException {
    return query("SELECT step || ':' || phase || '@' || pid || '@' || to_char(at, 'HH24:MI:SS.MS') FROM " + table
        + " WHERE run_id = ? ORDER BY id", runId);
  }

  /** The pids with an execution of {@code step} begun and not completed: the JVMs running it now, or killed while they did. */
  public java.util.Set<Long> pidsRunning(String step) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT DISTINCT b.pid FROM " + table + " b"
            + " WHERE b.step = ? AND b.phase = 'began' AND NOT EXISTS (SELECT 1 FROM " + table + " c"
            + " WHERE c.run_id = b.run_id AND c.step = b.step AND c.phase = 'completed' AND c.pid = b.pid"
            + " AND c.id > b.id)")) {
      select.setString(1, step);
      java.util.Set<Long> pids = new java.util.HashSet<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          pids.add(rows.getLong(1));
        }
      }
      return pids;
    }
  }

  /** Every line as {@code runId:step:phase}. */
  public List<String> all() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT run_id || ':' || step || ':' || phase FROM "
            + table + " ORDER BY id");
        ResultSet rows = select.executeQuery()) {
      List<String> lines = new ArrayList<>();
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
      return lines;
    }
  }

  /**
   * The most executions of {@code step} that overlapped in time in one JVM: from each line's
   * {@code began} to its {@code completed}, by pid, in the order written.
   */
  public java.util.Map<Long, Integer> maxOverlapByJvm(String step) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT pid, phase FROM " + table
            + " WHERE step = ? ORDER BY at, id")) {
      select.setString(1, step);
      java.util.Map<Long, Integer> running = new java.util.HashMap<>();
      java.util.Map<Long, Integer> max = new java.util.TreeMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          int now = running.merge(rows.getLong(1), rows.getString(2).equals("began") ? 1 : -1, Integer::sum);
          max.merge(rows.getLong(1), now, Math::max);
        }
      }
      return max;
    }
  }

  private List<String> query(String sql, String runId) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        List<String> lines = new ArrayList<>();
        while (rows.next()) {
          lines.add(rows.getString(1));
        }
        return lines;
      }
    }
  }
}
