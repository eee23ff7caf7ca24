package io.stepwise.store.jdbc;

import io.stepwise.store.RunStoreException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

/** The {@link RunStoreException} a call of {@link JdbcRunStore} throws when the database failed it. */
final class StoreFailure {
  private StoreFailure() {}

  /** The error a call reports when the database failed it; a failed group commit fails each of its saves. */
  static RunStoreException of(String what, String table, SQLException e) {
    int others = e instanceof SaveGroupCommit.FailedBatch batch ? batch.batchSize() - 1 : 0;
    Throwable cause = e instanceof SaveGroupCommit.FailedBatch ? e.getCause() : e;
    String message = cause instanceof SQLException sql ? describe(sql) : String.valueOf(cause);
    String hint;
    if (cause.getMessage() != null && cause.getMessage().startsWith("No suitable driver")) {
      hint = " Put the database's JDBC driver on the class path (org.xerial:sqlite-jdbc, org.postgresql:postgresql).";
    } else if (others > 0) {
      hint = " Nothing was changed by this call, nor by the " + others + (others == 1 ? " other save" : " other saves")
          + " committed in the same transaction, which failed with it.";
    } else {
      hint = " Nothing was changed by this call.";
    }
    return new RunStoreException("Cannot " + what + " (table " + table + "): " + message + "." + hint, cause);
  }

  /**
   * The database's error. For a failed batch the PostgreSQL driver's own message repeats the
   * whole statement, snapshot included; the error it chains says what went wrong in a line.
   */
  private static String describe(SQLException e) {
    SQLException shown = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
    return shown.getMessage() + " (SQL state " + shown.getSQLState() + ")";
  }
}
