package io.stepwise.dbos;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests ({@code STEPWISE_TEST_PG_URL}, set by {@code .ci/run} or by
 * {@code eval "$(.ci/start-postgres)"}), and a fresh schema per test so tests never share runs.
 * Without the variable the tests are skipped, except on CI, where that is a failure.
 */
final class TestDatabase {
  static final String VARIABLE = "STEPWISE_TEST_PG_URL";
  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private TestDatabase() {}

  static String url() {
    String url = System.getenv(VARIABLE);
    if (url == null || url.isBlank()) {
      String how = VARIABLE + " is not set, so the DBOS tests cannot run. Start a throwaway server with"
          + " eval \"$(.ci/start-postgres)\", then run the tests again.";
      if (System.getenv("CI") != null) {
        fail(how);
      }
      Assumptions.abort(how);
    }
    return url;
  }

  /** A schema no other test uses, dropped first in case an earlier run left it. */
  static String freshSchema(String prefix) throws SQLException {
    String schema = prefix + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(url());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
    return schema;
  }
}
