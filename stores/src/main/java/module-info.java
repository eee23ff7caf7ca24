/** Durable run stores: {@code JdbcRunStore} (SQLite, PostgreSQL, any JDBC database) and {@code DirectoryRunStore}. */
module io.stepwise.stores {
  requires transitive io.stepwise.runtime;
  requires transitive java.sql; // JdbcRunStore takes a javax.sql.DataSource
  requires tools.jackson.core;

  exports io.stepwise.store.jdbc;
  exports io.stepwise.store.directory;
}
