package io.stepwise.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The server's own tables beside the run store's: one row per handler, and every event each run
 * published, numbered from 0, so a client reconnecting with {@code after_sequence} misses nothing,
 * even after the server restarted. Plain SQL that SQLite and PostgreSQL both speak; one connection,
 * used by one caller at a time (SQLite serializes writers anyway).
 */
final class HandlerStore implements AutoCloseable {
  private static final String HANDLERS = "stepwise_server_handlers";
  private static final String EVENTS = "stepwise_server_events";
  /** Each ended run's finished snapshot (its final state and store), which a handler continuing it starts from. */
  private static final String FINAL_STATES = "stepwise_server_final_states";
  /** When a running handler's run was released from memory at rest, null while it is in memory or ended. */
  private static final String RELEASED_AT = "released_at";
  private static final String COLUMNS =
      "handler_id, workflow_name, run_id, status, started_at, updated_at, completed_at, error, result";

  private final String jdbcUrl;
  private final Properties properties;
  private Connection connection; // guarded by lock; opened again when a driver closed it
  private boolean closed;
  private final ReentrantLock lock = new ReentrantLock();

  /** One stored event: its number in its run, and its envelope as JSON text. */
  record StoredEvent(long sequence, String envelopeJson) {}

  private HandlerStore(String jdbcUrl, Properties properties, Connection connection) {
    this.jdbcUrl = jdbcUrl;
    this.properties = properties;
    this.connection = connection;
  }

  static HandlerStore open(String jdbcUrl) {
    try {
      var properties = new Properties();
      if (jdbcUrl.startsWith("jdbc:sqlite:")) {
        // Run checkpoints go through their own connections to the same file: wait for them, don't fail.
        properties.setProperty("busy_timeout", "10000");
      }
      Connection connection = DriverManager.getConnection(jdbcUrl, properties);
      var store = new HandlerStore(jdbcUrl, properties, connection);
      store.createTables();
      return store;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open the server's database at " + shown(jdbcUrl) + ": " + e.getMessage()
          + ". Check the JDBC URL, that its driver is on the class path, and that the database is reachable", e);
    }
  }

  private static String shown(String url) {
    return url.replaceAll("password=[^&;]*", "password=***");
  }

  private void createTables() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + HANDLERS + " (handler_id VARCHAR(255) PRIMARY KEY,"
          + " workflow_name VARCHAR(255) NOT NULL, run_id VARCHAR(255), status VARCHAR(16) NOT NULL,"
          + " started_at VARCHAR(40) NOT NULL, updated_at VARCHAR(40), completed_at VARCHAR(40), error TEXT,"
          + " result TEXT)");
      s.execute("CREATE TABLE IF NOT EXISTS " + EVENTS + " (run_id VARCHAR(255) NOT NULL, sequence BIGINT NOT NULL,"
          + " envelope TEXT NOT NULL, PRIMARY KEY (run_id, sequence))");
      s.execute("CREATE TABLE IF NOT EXISTS " + FINAL_STATES + " (run_id VARCHAR(255) PRIMARY KEY,"
          + " snapshot TEXT NOT NULL)");
      if (!hasColumn(HANDLERS, RELEASED_AT)) { // a database from before the column
        s.execute("ALTER TABLE " + HANDLERS + " ADD COLUMN " + RELEASED_AT + " VARCHAR(40)");
      }
    }
  }

  private boolean hasColumn(String table, String column) throws SQLException {
    try (ResultSet columns = connection.getMetaData().getColumns(null, null, table, column)) {
      return columns.next();
    }
  }

  /**
   * Records that the handlers' runs were released from memory, at rest: only an event from outside
   * can move them on, and their run store keeps them. The next server leaves such a run in the
   * database until an event (or a cancel) reloads it, as this one does, instead of loading it at
   * start (Python's {@code idle_since}).
   */
  void markReleased(Collection<String> handlerIds, Instant at) {
    if (handlerIds.isEmpty()) {
      return;
    }
    write(List.of(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE " + HANDLERS + " SET " + RELEASED_AT + " = ? WHERE handler_id = ?")) {
        for (String handlerId : handlerIds) {
          ps.setString(1, at.toString());
          ps.setString(2, handlerId);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }));
  }

  /** The handler's run is about to be in memory again: the next server must resume it at start if this one dies. */
  void clearReleased(String handlerId) {
    write(List.of(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE " + HANDLERS + " SET " + RELEASED_AT + " = NULL WHERE handler_id = ? AND " + RELEASED_AT
              + " IS NOT NULL")) {
        ps.setString(1, handlerId);
        ps.executeUpdate();
      }
    }));
  }

  /** The running handlers whose runs were released from memory (see {@link #markReleased}). */
  Set<String> releasedHandlers() {
    return locked(() -> {
      try (PreparedStatement ps = connection.prepareStatement("SELECT handler_id FROM " + HANDLERS
          + " WHERE status = ? AND " + RELEASED_AT + " IS NOT NULL")) {
        ps.setString(1, HandlerStatus.RUNNING.wire());
        try (ResultSet rs = ps.executeQuery()) {
          var ids = new java.util.HashSet<String>();
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
          return Set.copyOf(ids);
        }
      }
    });
  }

  /**
   * One change to the server's tables, applied inside a transaction the caller holds: what the
   * group commit gathers from many runs into one transaction.
   */
  @FunctionalInterface
  interface Write {
    void apply(Connection connection) throws SQLException;
  }

  /** Applies the writes in one transaction: all of them or, when one fails, none. */
  void write(List<Write> writes) {
    transaction(() -> {
      for (Write w : writes) {
        w.apply(connection);
      }
    });
  }

  void insert(HandlerRecord record) {
    write(List.of(inserting(record)));
  }

  void update(HandlerRecord record) {
    write(List.of(updating(record)));
  }

  static Write inserting(HandlerRecord record) {
    return c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO " + HANDLERS + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bind(ps, record);
        ps.executeUpdate();
      }
    };
  }

  static Write updating(HandlerRecord record) {
    return c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE " + HANDLERS + " SET handler_id = ?,"
          + " workflow_name = ?, run_id = ?, status = ?, started_at = ?, updated_at = ?, completed_at = ?, error = ?,"
          + " result = ? WHERE handler_id = ?")) {
        bind(ps, record);
        ps.setString(10, record.handlerId());
        ps.executeUpdate();
      }
    };
  }

  /**
   * A run's end and its finished snapshot (null when there is none): the state a later run under
   * the same handler id continues from.
   */
  static Write ending(HandlerRecord record, String finalSnapshot) {
    Write handler = updating(record);
    if (finalSnapshot == null) {
      return handler;
    }
    return c -> {
      handler.apply(c);
      try (PreparedStatement clear = c.prepareStatement("DELETE FROM " + FINAL_STATES + " WHERE run_id = ?");
          PreparedStatement state = c.prepareStatement(
              "INSERT INTO " + FINAL_STATES + " (run_id, snapshot) VALUES (?, ?)")) {
        clear.setString(1, record.runId());
        clear.executeUpdate();
        state.setString(1, record.runId());
        state.setString(2, finalSnapshot);
        state.executeUpdate();
      }
    };
  }

  /** An event a run published, under its number in the run. */
  static Write event(String runId, long sequence, String envelopeJson) {
    return c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO " + EVENTS + " (run_id, sequence, envelope) VALUES (?, ?, ?)")) {
        ps.setString(1, runId);
        ps.setLong(2, sequence);
        ps.setString(3, envelopeJson);
        ps.executeUpdate();
      }
    };
  }

  /** The finished snapshot a run ended with, when the server recorded one. */
  Optional<String> finalSnapshot(String runId) {
    return locked(() -> {
      try (PreparedStatement ps = connection.prepareStatement(
          "SELECT snapshot FROM " + FINAL_STATES + " WHERE run_id = ?")) {
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  private static void bind(PreparedStatement ps, HandlerRecord r) throws SQLException {
    ps.setString(1, r.handlerId());
    ps.setString(2, r.workflowName());
    ps.setString(3, r.runId());
    ps.setString(4, r.status().wire());
    ps.setString(5, r.startedAt().toString());
    ps.setString(6, r.updatedAt() == null ? null : r.updatedAt().toString());
    ps.setString(7, r.completedAt() == null ? null : r.completedAt().toString());
    ps.setString(8, r.error());
    ps.setString(9, r.result() == null ? null : JsonTree.write(r.result()));
  }

  Optional<HandlerRecord> find(String handlerId) {
    return locked(() -> {
      try (PreparedStatement ps = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM " + HANDLERS + " WHERE handler_id = ?")) {
        ps.setString(1, handlerId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.<HandlerRecord>empty();
        }
      }
    });
  }

  /** Handlers whose status and workflow are in the sets (an empty set: any), oldest first. */
  List<HandlerRecord> query(Set<HandlerStatus> statuses, Set<String> workflows) {
    return locked(() -> {
      var out = new ArrayList<HandlerRecord>();
      try (PreparedStatement ps = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM " + HANDLERS);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          HandlerRecord r = read(rs);
          if ((statuses.isEmpty() || statuses.contains(r.status()))
              && (workflows.isEmpty() || workflows.contains(r.workflowName()))) {
            out.add(r);
          }
        }
      }
      // Sorted here, not by SQL: the times are ISO-8601 text of varying precision, which sorts wrongly as text.
      out.sort(java.util.Comparator.comparing(HandlerRecord::startedAt).thenComparing(HandlerRecord::handlerId));
      return out;
    });
  }

  private static HandlerRecord read(ResultSet rs) throws SQLException {
    String result = rs.getString(9);
    return new HandlerRecord(rs.getString(1), rs.getString(2), rs.getString(3),
        HandlerStatus.ofWire(rs.getString(4)), Instant.parse(rs.getString(5)), instant(rs.getString(6)),
        instant(rs.getString(7)), rs.getString(8), result == null ? null : JsonTree.asObject(JsonTree.parse(result)));
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  /** Deletes the handler and its events; false when there was no such handler. */
  boolean delete(String handlerId, String runId) {
    return locked(() -> {
      try (PreparedStatement events = connection.prepareStatement("DELETE FROM " + EVENTS + " WHERE run_id = ?");
          PreparedStatement state = connection.prepareStatement("DELETE FROM " + FINAL_STATES + " WHERE run_id = ?");
          PreparedStatement handler = connection.prepareStatement("DELETE FROM " + HANDLERS + " WHERE handler_id = ?")) {
        events.setString(1, runId);
        events.executeUpdate();
        state.setString(1, runId);
        state.executeUpdate();
        handler.setString(1, handlerId);
        return handler.executeUpdate() > 0;
      }
    });
  }

  /** Deletes a run's events and final state: a handler that continued it replaced it. */
  void forgetRun(String runId) {
    transaction(() -> {
      try (PreparedStatement events = connection.prepareStatement("DELETE FROM " + EVENTS + " WHERE run_id = ?");
          PreparedStatement state = connection.prepareStatement("DELETE FROM " + FINAL_STATES + " WHERE run_id = ?")) {
        events.setString(1, runId);
        events.executeUpdate();
        state.setString(1, runId);
        state.executeUpdate();
      }
    });
  }

  @FunctionalInterface
  private interface SqlWork {
    void run() throws SQLException;
  }

  /** Runs {@code work} in one transaction: all of it, or, when it fails, none. */
  private void transaction(SqlWork work) {
    locked(() -> {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        work.run();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        if (!connection.isClosed()) {
          connection.setAutoCommit(autoCommit);
        }
      }
      return null;
    });
  }

  /** The run's events numbered above {@code afterSequence}, in order. */
  List<StoredEvent> events(String runId, long afterSequence) {
    return locked(() -> {
      var out = new ArrayList<StoredEvent>();
      try (PreparedStatement ps = connection.prepareStatement("SELECT sequence, envelope FROM " + EVENTS
          + " WHERE run_id = ? AND sequence > ? ORDER BY sequence")) {
        ps.setString(1, runId);
        ps.setLong(2, afterSequence);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new StoredEvent(rs.getLong(1), rs.getString(2)));
          }
        }
      }
      return out;
    });
  }

  /** The highest event number of the run, or -1 when it has none. */
  long lastSequence(String runId) {
    return locked(() -> {
      try (PreparedStatement ps = connection.prepareStatement(
          "SELECT MAX(sequence) FROM " + EVENTS + " WHERE run_id = ?")) {
        ps.setString(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long max = rs.getLong(1);
          return rs.wasNull() ? -1L : max;
        }
      }
    });
  }

  @FunctionalInterface
  private interface Sql<T> {
    T run() throws SQLException;
  }

  private <T> T locked(Sql<T> work) {
    lock.lock();
    try {
      if (!closed && connection.isClosed()) {
        // A driver closes its connection for good when the thread using it is interrupted mid-I/O
        // (PostgreSQL's does, on a virtual thread whose request was abandoned): open another one,
        // or every later request would fail.
        connection = DriverManager.getConnection(jdbcUrl, properties);
      }
      return work.run();
    } catch (SQLException e) {
      throw new ServerStoreException("The server's database failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    locked(() -> {
      closed = true;
      connection.close();
      return null;
    });
  }

  /** The database could not be read or written. */
  static final class ServerStoreException extends RuntimeException {
    ServerStoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
