package io.stepwise.crashtest;

import io.stepwise.store.RunStore;
import io.stepwise.store.jdbc.JdbcRunStore;

/**
 * Opens the run store a store URL names: {@code sqlite:/path/file.db} for a SQLite file, or a
 * PostgreSQL JDBC URL ({@code jdbc:postgresql://host:port/db?user=...}). Both keep the runs in the
 * table {@value #TABLE}, apart from the tables of other tests on the same server.
 */
public final class StoreUrls {
  static final String TABLE = "stepwise_crash_runs";

  private StoreUrls() {}

  /** The store at {@code url}. */
  public static RunStore open(String url) {
    String jdbc;
    if (url.startsWith("sqlite:")) {
      jdbc = "jdbc:" + url;
    } else if (url.startsWith("jdbc:postgresql:")) {
      jdbc = url;
    } else {
      throw new IllegalArgumentException("A store URL is sqlite:/path/file.db or a PostgreSQL JDBC URL"
          + " (jdbc:postgresql://host:port/db?user=name), was '" + url + "'.");
    }
    return JdbcRunStore.builder(jdbc).table(TABLE).build();
  }

  /** A short name of the store's kind, for reports: {@code sqlite} or {@code postgresql}. */
  public static String kind(String url) {
    return url.startsWith("sqlite:") ? "sqlite" : "postgresql";
  }
}
