package io.stepwise.dbos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A fresh schema for a measurement outside JUnit. */
final class TestDatabaseSchemas {
  private TestDatabaseSchemas() {}

  static String fresh(String url, String prefix) throws SQLException {
    String schema = prefix + "_" + ProcessHandle.current().pid();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
    return schema;
  }
}
