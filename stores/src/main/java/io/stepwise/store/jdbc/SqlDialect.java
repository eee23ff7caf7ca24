package io.stepwise.store.jdbc;

import io.stepwise.store.RunStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What differs between the databases {@link JdbcRunStore} supports: column types and connection setup. */
enum SqlDialect {
  /** One file, no server; WAL lets readers and one writer of several processes share it. */
  SQLITE("SQLite") {
    @Override
    List<String> schema(String table, String index) {
      return List.of(
          "PRAGMA journal_mode = WAL",
          "CREATE TABLE IF NOT EXISTS " + table + " (run_id TEXT NOT NULL PRIMARY KEY, workflow TEXT NOT NULL,"
              + " graph_hash TEXT, status TEXT NOT NULL, version INTEGER NOT NULL,"
              + " updated_at INTEGER NOT NULL, snapshot TEXT NOT NULL)",
          "CREATE INDEX IF NOT EXISTS " + index + " ON " + table + " (status, updated_at)");
    }

    @Override
    void prepare(Connection connection) throws SQLException {
      try (Statement statement = connection.createStatement()) {
        // Wait for another process's write instead of failing with SQLITE_BUSY at once.
        statement.execute("PRAGMA busy_timeout = 10000");
        // Each checkpoint is on disk when save returns, also in WAL mode.
        statement.execute("PRAGMA synchronous = FULL");
      }
    }

    /** Microseconds since the epoch: an integer sorts correctly, unlike ISO text of varying length. */
    @Override
    void bindTime(PreparedStatement statement, int index, Instant time) throws SQLException {
      statement.setLong(index, ChronoUnit.MICROS.between(Instant.EPOCH, time));
    }

    @Override
    Instant readTime(ResultSet row, int index) throws SQLException {
      return Instant.EPOCH.plus(row.getLong(index), ChronoUnit.MICROS);
    }
  },

  /** A server: many processes on many machines. */
  POSTGRESQL("PostgreSQL") {
    @Override
    List<String> schema(String table, String index) {
      return List.of(
          "CREATE TABLE IF NOT EXISTS " + table + " (run_id TEXT NOT NULL PRIMARY KEY, workflow TEXT NOT NULL,"
              + " graph_hash TEXT, status TEXT NOT NULL, version BIGINT NOT NULL,"
              + " updated_at TIMESTAMPTZ NOT NULL, snapshot TEXT NOT NULL)",
          "CREATE INDEX IF NOT EXISTS " + index + " ON " + table + " (status, updated_at)");
    }

    @Override
    void prepare(Connection connection) {}

    @Override
    void bindTime(PreparedStatement statement, int index, Instant time) throws SQLException {
      statement.setObject(index, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
    }

    @Override
    Instant readTime(ResultSet row, int index) throws SQLException {
      return row.getObject(index, OffsetDateTime.class).toInstant();
    }
  };

  private final String productName;

  SqlDialect(String productName) {
    this.productName = productName;
  }

  /** Statements that create the table and its index when missing, and change nothing otherwise. */
  abstract List<String> schema(String table, String index);

  /** Settings applied to every connection before use. */
  abstract void prepare(Connection connection) throws SQLException;

  abstract void bindTime(PreparedStatement statement, int index, Instant time) throws SQLException;

  abstract Instant readTime(ResultSet row, int index) throws SQLException;

  /** The dialect of the database behind {@code connection}. */
  static SqlDialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    for (SqlDialect dialect : values()) {
      if (dialect.productName.equalsIgnoreCase(product)) {
        return dialect;
      }
    }
    throw new RunStoreException("JdbcRunStore supports SQLite and PostgreSQL, but the database is '" + product
        + "'. Use one of those, or implement RunStore for this database.");
  }
}
