package io.stepwise.store.jdbc;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.RunStoreRules;
import io.stepwise.store.StaleRunException;
import io.stepwise.store.StoredRun;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A run store in one table of a SQL database: SQLite (a single file, no server; the embedded
 * default) or PostgreSQL (a server that many processes share). Bring the JDBC driver
 * ({@code org.xerial:sqlite-jdbc} or {@code org.postgresql:postgresql}). The table is created when
 * missing. Each save is one statement that checks the version it replaces, so concurrent writers
 * of one run cannot overwrite each other: the stale one gets a {@link StaleRunException}.
 * Update times are kept to the microsecond. Saves made while another is being committed are
 * committed together in the next transaction (group commit, {@link Builder#groupCommit}), each
 * with its own outcome.
 */
public final class JdbcRunStore implements RunStore {
  /** The table used unless {@link Builder#table} names another. */
  public static final String DEFAULT_TABLE = "stepwise_runs";

  private static final Pattern TABLE_NAME =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,55}");
  static final String COLUMNS = "run_id, workflow, graph_hash, status, version, updated_at, snapshot";

  private final ConnectionSource connections;
  private final String table;
  private final InstantSource clock;
  private final SqlDialect dialect;
  private final CheckpointWrites writes;
  private final SaveGroupCommit groupCommit; // null: one transaction per save

  private JdbcRunStore(ConnectionSource connections, String table, InstantSource clock, boolean groupCommit) {
    this.connections = connections;
    this.table = table;
    this.clock = clock;
    this.dialect = createTable();
    this.writes = new CheckpointWrites(table, dialect);
    this.groupCommit = groupCommit ? new SaveGroupCommit(this::writeBatch) : null;
  }

  /** Opens a connection; a {@link DataSource}'s method, or {@link DriverManager} for a URL. */
  @FunctionalInterface
  private interface ConnectionSource {
    Connection open() throws SQLException;
  }

  /** A store in the default table of {@code dataSource}'s database, created if missing. */
  public static JdbcRunStore create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * A store in the default table of the database at a JDBC URL, e.g.
   * {@code jdbc:sqlite:runs.db} or {@code jdbc:postgresql://host/db?user=app}; one connection per
   * call (use a pooled {@link DataSource} for a busy PostgreSQL server).
   */
  public static JdbcRunStore create(String jdbcUrl) {
    return builder(jdbcUrl).build();
  }

  /** Settings for a store over {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new Builder(dataSource::getConnection, "the data source");
  }

  /** Settings for a store over the database at {@code jdbcUrl}. */
  public static Builder builder(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "A JDBC URL starts with 'jdbc:', e.g. jdbc:sqlite:runs.db, was '" + jdbcUrl + "'.");
    }
    String shown = jdbcUrl.replaceAll("password=[^&;]*", "password=***"); // messages never show a password
    return new Builder(() -> DriverManager.getConnection(jdbcUrl), shown);
  }

  /** The table this store keeps its runs in. */
  public String table() {
    return table;
  }

  @Override
  public StoredRun save(Checkpoint checkpoint, long expectedVersion) {
    RunStoreRules.requireSave(checkpoint, expectedVersion);
    StoredRun saved = new StoredRun(checkpoint, expectedVersion + 1, clock.instant().truncatedTo(ChronoUnit.MICROS));
    CheckpointSave save = new CheckpointSave(saved, expectedVersion);
    String what = "save run '" + checkpoint.runId() + "'";
    if (groupCommit == null) {
      StaleRunException refused = withConnection(what, connection -> writes.writeOne(connection, save));
      if (refused != null) {
        throw refused;
      }
      return saved;
    }
    try {
      groupCommit.save(save);
      return saved;
    } catch (SaveGroupCommit.FailedBatch e) {
      throw failure(what, e);
    }
  }

  /** One transaction of the group commit; a lone save is the one statement it would be without it. */
  private StaleRunException[] writeBatch(List<CheckpointSave> saves) throws SQLException {
    return inConnection(connection -> saves.size() == 1
        ? new StaleRunException[] {writes.writeOne(connection, saves.get(0))}
        : writes.writeAll(connection, saves));
  }

  /** What the group commit has done and is doing; all zero without it (for tests and measurements). */
  SaveGroupCommit.Progress groupCommitProgress() {
    return groupCommit == null ? new SaveGroupCommit.Progress(0, 0, 0, false) : groupCommit.progress();
  }

  @Override
  public Optional<StoredRun> load(String runId) {
    Checkpoint.requireRunId(runId);
    return withConnection("load run '" + runId + "'", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM " + table + " WHERE run_id = ?")) {
        statement.setString(1, runId);
        try (ResultSet row = statement.executeQuery()) {
          return row.next() ? Optional.of(toRun(row)) : Optional.<StoredRun>empty();
        }
      }
    });
  }

  @Override
  public List<StoredRun> list(Set<RunStatus> statuses) {
    RunStoreRules.requireStatuses(statuses);
    if (statuses.isEmpty()) {
      return List.of();
    }
    // Listing every status reads every row, so a row of an unknown status is reported, not hidden.
    boolean all = statuses.containsAll(EnumSet.allOf(RunStatus.class));
    String where = all ? ""
        : " WHERE status IN (" + String.join(", ", statuses.stream().map(status -> "?").toList()) + ")";
    return withConnection("list runs", connection -> {
      try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM " + table
          + where + " ORDER BY updated_at, run_id")) {
        int index = 1;
        for (RunStatus status : all ? Set.<RunStatus>of() : statuses) {
          statement.setString(index++, status.name());
        }
        List<StoredRun> runs = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
          while (row.next()) {
            runs.add(toRun(row));
          }
        }
        return runs;
      }
    });
  }

  @Override
  public boolean delete(String runId) {
    Checkpoint.requireRunId(runId);
    return withConnection("delete run '" + runId + "'", connection -> {
      try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
        statement.setString(1, runId);
        return statement.executeUpdate() > 0;
      }
    });
  }

  private StoredRun toRun(ResultSet row) throws SQLException {
    String runId = row.getString(1);
    try {
      Checkpoint checkpoint = new Checkpoint(runId, row.getString(2), row.getString(3),
          RunStoreRules.status(row.getString(4)), row.getString(7));
      return new StoredRun(checkpoint, row.getLong(5), dialect.readTime(row, 6));
    } catch (IllegalArgumentException e) {
      throw new RunStoreException("Row '" + runId + "' of table " + table + " is not a readable run record: "
          + e.getMessage() + ". The row was left as it is; repair it, or delete it to give up the run.", e);
    }
  }

  private SqlDialect createTable() {
    return withConnection("create the table", connection -> {
      SqlDialect found = SqlDialect.of(connection);
      found.prepare(connection); // so that two processes opening one SQLite file at once wait, not fail
      String index = table.substring(table.indexOf('.') + 1) + "_by_status";
      try (Statement statement = connection.createStatement()) {
        for (String sql : found.schema(table, index)) {
          executeSchema(statement, sql);
        }
      }
      return found;
    });
  }

  /**
   * Runs one (idempotent) schema statement, retrying it while the database answers busy: when
   * several connections set up a new SQLite file at once, the switch to WAL and the schema write
   * can fail with SQLITE_BUSY at once, without waiting out the busy timeout. About 9 s at most.
   */
  private static void executeSchema(Statement statement, String sql) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        statement.execute(sql);
        return;
      } catch (SQLException e) {
        if (attempt >= 100 || !isBusy(e)) {
          throw e;
        }
        try {
          Thread.sleep(Math.min(100, 5L * attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** SQLite's SQLITE_BUSY (5) or SQLITE_LOCKED (6). */
  private static boolean isBusy(SQLException e) {
    String message = String.valueOf(e.getMessage());
    return e.getErrorCode() == 5 || e.getErrorCode() == 6
        || message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED");
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T withConnection(String what, SqlWork<T> work) {
    try {
      return inConnection(work);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private <T> T inConnection(SqlWork<T> work) throws SQLException {
    try (Connection connection = connections.open()) {
      if (dialect != null) {
        dialect.prepare(connection);
      }
      connection.setAutoCommit(true);
      return work.run(connection);
    }
  }

  private RunStoreException failure(String what, SQLException e) {
    return StoreFailure.of(what, table, e);
  }

  /** How to build a {@link JdbcRunStore}: which table, which clock, whether saves commit in groups. */
  public static final class Builder {
    private final ConnectionSource connections;
    private final String source;
    private String table = DEFAULT_TABLE;
    private InstantSource clock = InstantSource.system();
    private boolean groupCommit = true;

    private Builder(ConnectionSource connections, String source) {
      this.connections = connections;
      this.source = source;
    }

    /** The table to use, optionally schema-qualified ({@code app.runs}); default {@code stepwise_runs}. */
    public Builder table(String table) {
      if (table == null || !TABLE_NAME.matcher(table).matches()) {
        throw new IllegalArgumentException("A run store table is a plain SQL name, optionally schema-qualified"
            + " (letters, digits, '_', not starting with a digit, at most 56 characters), was '" + table + "'.");
      }
      this.table = table;
      return this;
    }

    /** The clock that stamps saves; default the system clock. */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether saves made while another is being committed are committed together, in one
     * transaction (default true). Each save still checks its own version and gets its own outcome;
     * a lone save is written at once, as one statement. Turn it off for one transaction per save,
     * each on its own connection: with a connection pool, saves then commit side by side instead
     * of one batch at a time.
     */
    public Builder groupCommit(boolean groupCommit) {
      this.groupCommit = groupCommit;
      return this;
    }

    /** Connects, creates the table if missing, and returns the store. */
    public JdbcRunStore build() {
      try {
        return new JdbcRunStore(connections, table, clock, groupCommit);
      } catch (RunStoreException e) {
        throw new RunStoreException("Cannot open a run store over " + source + ": " + e.getMessage(), e.getCause());
      }
    }
  }
}
