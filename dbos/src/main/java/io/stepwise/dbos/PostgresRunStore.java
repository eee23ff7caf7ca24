package io.stepwise.dbos;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.StaleRunException;
import io.stepwise.store.StoredRun;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The run store of durable runs, in the workers' shared PostgreSQL. Beyond a plain store it does
 * two things for {@link RunDriving}, both in the transaction of a save:
 *
 * <ul>
 *   <li>it marks the inbox events that the saved cut holds as applied ({@link Watch#markOnNextSave}),
 *       so an event from outside is either in a saved checkpoint or still in the inbox, never both;
 *   <li>it never writes {@code FINISHED}: a run's end is written with its outcome
 *       ({@link RunTables#recordOutcome}), so a worker that dies in between leaves a run that is
 *       resumed, not one that finished without a result anyone can read.
 * </ul>
 */
final class PostgresRunStore implements RunStore {
  /** What the driver of a run in this process needs to know about the run's saves. */
  static final class Watch {
    private volatile long saves;
    private volatile RunStatus lastStatus;
    private volatile Long markOnNextSave;
    private volatile boolean ignoreNextSave;

    Watch(RunStatus initial) {
      this.lastStatus = initial;
    }

    long saves() {
      return saves;
    }

    RunStatus lastStatus() {
      return lastStatus;
    }

    /** The next save's cut holds every inbox event up to {@code seq}: mark them applied with it. */
    void markOnNextSave(long seq) {
      markOnNextSave = seq;
    }

    /** The next save is a resume's claim, which rewrites the stored cut: it says nothing new. */
    void ignoreNextSave() {
      ignoreNextSave = true;
    }
  }

  private final Connections db;
  private final RunTables tables;
  private final ConcurrentMap<String, Watch> watches = new ConcurrentHashMap<>();

  PostgresRunStore(Connections db, RunTables tables) {
    this.db = db;
    this.tables = tables;
  }

  Watch watch(String runId, RunStatus initial) {
    Watch watch = new Watch(initial);
    watches.put(runId, watch);
    return watch;
  }

  void unwatch(String runId) {
    watches.remove(runId);
  }

  @Override
  public StoredRun save(Checkpoint checkpoint, long expectedVersion) {
    String runId = checkpoint.runId();
    Watch watch = watches.get(runId);
    boolean claim = watch != null && watch.ignoreNextSave;
    Long mark = watch == null || claim ? null : watch.markOnNextSave;
    RunStatus stored = checkpoint.status() == RunStatus.FINISHED ? RunStatus.RUNNING : checkpoint.status();
    try {
      StoredRun saved = db.inTransaction(connection -> {
        int written;
        if (expectedVersion == 0) {
          try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.table("runs")
              + " (run_id, workflow, graph_hash, status, snapshot, version) VALUES (?, ?, ?, ?, ?, 1)"
              + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, runId);
            insert.setString(2, checkpoint.workflow());
            insert.setString(3, checkpoint.graphHash());
            insert.setString(4, stored.name());
            insert.setString(5, checkpoint.snapshotJson());
            written = insert.executeUpdate();
          }
        } else {
          try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.table("runs")
              + " SET workflow = ?, graph_hash = ?, status = ?, snapshot = ?, version = version + 1,"
              + " updated_at = now() WHERE run_id = ? AND version = ?")) {
            update.setString(1, checkpoint.workflow());
            update.setString(2, checkpoint.graphHash());
            update.setString(3, stored.name());
            update.setString(4, checkpoint.snapshotJson());
            update.setString(5, runId);
            update.setLong(6, expectedVersion);
            written = update.executeUpdate();
          }
        }
        if (written == 0) {
          connection.rollback();
          throw new StaleRunException(runId, expectedVersion, versionOf(connection, runId));
        }
        if (mark != null) {
          tables.markApplied(connection, runId, mark);
        }
        return new StoredRun(checkpoint, expectedVersion + 1, java.time.Instant.now());
      });
      if (watch != null) {
        if (claim) {
          watch.ignoreNextSave = false;
        } else {
          if (mark != null && mark.equals(watch.markOnNextSave)) {
            watch.markOnNextSave = null;
          }
          watch.lastStatus = checkpoint.status();
          watch.saves++;
        }
      }
      return saved;
    } catch (SQLException e) {
      throw new RunStoreException("Run " + runId + ": the checkpoint could not be saved to PostgreSQL: "
          + e.getMessage(), e);
    }
  }

  private long versionOf(Connection connection, String runId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT version FROM " + tables.table("runs")
        + " WHERE run_id = ?")) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : 0;
      }
    }
  }

  @Override
  public Optional<StoredRun> load(String runId) {
    try {
      return db.with(connection -> {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
            + tables.table("runs") + " WHERE run_id = ?")) {
          select.setString(1, runId);
          try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(read(rows)) : Optional.empty();
          }
        }
      });
    } catch (SQLException e) {
      throw new RunStoreException("Run " + runId + " could not be read from PostgreSQL: " + e.getMessage(), e);
    }
  }

  private static final String COLUMNS = "run_id, workflow, graph_hash, status, snapshot, version, updated_at";

  private static StoredRun read(ResultSet rows) throws SQLException {
    Timestamp updated = rows.getTimestamp(7);
    return new StoredRun(new Checkpoint(rows.getString(1), rows.getString(2), rows.getString(3),
        RunStatus.valueOf(rows.getString(4)), rows.getString(5)), rows.getLong(6), updated.toInstant());
  }

  @Override
  public List<StoredRun> list(Set<RunStatus> statuses) {
    try {
      return db.with(connection -> {
        List<StoredRun> runs = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
            + tables.table("runs") + " ORDER BY updated_at, run_id");
            ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            StoredRun run = read(rows);
            if (statuses.contains(run.status())) {
              runs.add(run);
            }
          }
        }
        return runs;
      });
    } catch (SQLException e) {
      throw new RunStoreException("The runs could not be listed from PostgreSQL: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean delete(String runId) {
    try {
      return db.with(connection -> {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + tables.table("runs")
            + " WHERE run_id = ?")) {
          delete.setString(1, runId);
          return delete.executeUpdate() > 0;
        }
      });
    } catch (SQLException e) {
      throw new RunStoreException("Run " + runId + " could not be deleted from PostgreSQL: " + e.getMessage(), e);
    }
  }
}
