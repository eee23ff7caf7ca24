package io.stepwise.dbos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A small pool of PostgreSQL connections for Stepwise's own tables (run records, answers, leases).
 * DBOS keeps its own pool for its system tables; this one avoids opening a connection per
 * checkpoint save, and bounds how many this worker uses at once (callers wait for one), so that
 * many workers on one database stay within its {@code max_connections}.
 */
final class Connections implements AutoCloseable {
  /** Work done on a borrowed connection. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final String url;
  private final Properties properties = new Properties();
  private final BlockingQueue<Connection> idle;
  private final java.util.concurrent.Semaphore inUse;
  private volatile boolean closed;

  /**
   * @param applicationName shown in PostgreSQL's {@code pg_stat_activity}, so an operator can tell
   *     which worker (and which of its pools) holds a connection
   */
  Connections(String url, String user, String password, int size, String applicationName) {
    this.url = url;
    properties.setProperty("ApplicationName", applicationName);
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    this.idle = new ArrayBlockingQueue<>(size);
    this.inUse = new java.util.concurrent.Semaphore(size, true);
  }

  /** Runs {@code work} on a pooled connection in auto-commit mode. */
  <T> T with(Work<T> work) throws SQLException {
    try {
      inUse.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted while waiting for a database connection", e);
    }
    try {
      return borrowed(work);
    } finally {
      inUse.release();
    }
  }

  private <T> T borrowed(Work<T> work) throws SQLException {
    Connection connection = idle.poll();
    if (connection == null || !connection.isValid(1)) {
      connection = DriverManager.getConnection(url, properties);
    }
    boolean healthy = false;
    try {
      T result = work.run(connection);
      healthy = true;
      return result;
    } finally {
      if (!connection.getAutoCommit()) {
        try {
          connection.rollback(); // a transaction the work left open
          connection.setAutoCommit(true);
        } catch (SQLException e) {
          healthy = false;
        }
      }
      if (!healthy || closed || !idle.offer(connection)) {
        connection.close();
      }
    }
  }

  /** Runs {@code work} in one transaction, committed when it returns. */
  <T> T inTransaction(Work<T> work) throws SQLException {
    return with(connection -> {
      connection.setAutoCommit(false);
      T result = work.run(connection);
      connection.commit();
      connection.setAutoCommit(true);
      return result;
    });
  }

  @Override
  public void close() {
    closed = true;
    Connection connection;
    while ((connection = idle.poll()) != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }
}
