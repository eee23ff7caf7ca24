package io.stepwise.dbos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Stepwise's own tables beside DBOS's, in the same PostgreSQL schema: the runs' checkpoints (see
 * {@link PostgresRunStore}), the events sent to runs from outside (the inbox), cancel requests,
 * and each run's outcome. Every worker reads and writes them, so a run started on one worker can
 * be answered, cancelled or awaited through any other.
 */
final class RunTables {
  /** One event sent to a run from outside, not yet part of a saved checkpoint. */
  record Answer(long seq, String eventJson) {}

  /** What a run's driver checks between its steps: whether a cancel was asked, and whether it still holds the run. */
  record Poll(boolean cancelRequested, boolean stillHeld) {}

  private final Connections db;
  private final String schema;

  RunTables(Connections db, String schema) {
    this.db = db;
    this.schema = schema;
  }

  String table(String name) {
    return '"' + schema + "\".stepwise_" + name;
  }

  /** A table of DBOS's own, in the same schema. */
  String dbosTable(String name) {
    return '"' + schema + "\"." + name;
  }

  void create() throws SQLException {
    db.with(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + '"');
        statement.execute("CREATE TABLE IF NOT EXISTS " + table("runs") + " (run_id TEXT PRIMARY KEY,"
            + " workflow TEXT NOT NULL, graph_hash TEXT, status TEXT NOT NULL, snapshot TEXT NOT NULL,"
            + " version BIGINT NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        statement.execute("CREATE TABLE IF NOT EXISTS " + table("inbox") + " (seq BIGSERIAL PRIMARY KEY,"
            + " run_id TEXT NOT NULL, event TEXT NOT NULL, applied BOOLEAN NOT NULL DEFAULT FALSE)");
        statement.execute("CREATE INDEX IF NOT EXISTS stepwise_inbox_run ON " + table("inbox") + " (run_id, seq)");
        statement.execute("CREATE TABLE IF NOT EXISTS " + table("cancels") + " (run_id TEXT PRIMARY KEY)");
        statement.execute("CREATE TABLE IF NOT EXISTS " + table("outcomes") + " (run_id TEXT PRIMARY KEY,"
            + " outcome TEXT NOT NULL)");
        statement.execute("CREATE TABLE IF NOT EXISTS " + table("workers") + " (executor_id TEXT PRIMARY KEY,"
            + " heartbeat_at TIMESTAMPTZ NOT NULL)");
        statement.execute("CREATE TABLE IF NOT EXISTS " + table("holders") + " (run_id TEXT PRIMARY KEY,"
            + " executor_id TEXT NOT NULL, epoch BIGINT NOT NULL)");
        statement.execute("CREATE TABLE IF NOT EXISTS " + table("stream") + " (seq BIGSERIAL PRIMARY KEY,"
            + " run_id TEXT NOT NULL, event TEXT NOT NULL)");
        statement.execute("CREATE INDEX IF NOT EXISTS stepwise_stream_run ON " + table("stream") + " (run_id, seq)");
        // Idle release (Parking): which DBOS workflow of the run is current, whether the run is
        // parked, and whether a wake-up was decided but its DBOS workflow may not be queued yet.
        statement.execute("ALTER TABLE " + table("holders") + " ADD COLUMN IF NOT EXISTS generation BIGINT NOT NULL"
            + " DEFAULT 0, ADD COLUMN IF NOT EXISTS parked BOOLEAN NOT NULL DEFAULT FALSE,"
            + " ADD COLUMN IF NOT EXISTS waking BOOLEAN NOT NULL DEFAULT FALSE");
        statement.execute("CREATE INDEX IF NOT EXISTS stepwise_holders_waking ON " + table("holders")
            + " (run_id) WHERE waking");
      }
      return null;
    });
  }

  /** One event of a run's stream, as published by the worker that held the run. */
  record Streamed(long seq, String eventJson) {}

  /**
   * Appends an event to the run's stream, if the hold {@code (executorId, epoch)} is still the
   * run's (a worker that lost the run publishes nothing more). Returns whether it was appended.
   */
  boolean publish(String runId, String eventJson, String executorId, long epoch) throws SQLException {
    return db.with(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table("stream")
          + " (run_id, event) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM " + table("holders")
          + " WHERE run_id = ? AND executor_id = ? AND epoch = ?)")) {
        insert.setString(1, runId);
        insert.setString(2, eventJson);
        insert.setString(3, runId);
        insert.setString(4, executorId);
        insert.setLong(5, epoch);
        return insert.executeUpdate() == 1;
      }
    });
  }

  /** The run's stream events after {@code afterSeq}, oldest first, at most {@code limit}. */
  java.util.List<Streamed> streamed(String runId, long afterSeq, int limit) throws SQLException {
    return db.with(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT seq, event FROM " + table("stream")
          + " WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
        select.setString(1, runId);
        select.setLong(2, afterSeq);
        select.setInt(3, limit);
        try (ResultSet rows = select.executeQuery()) {
          java.util.List<Streamed> events = new java.util.ArrayList<>();
          while (rows.next()) {
            events.add(new Streamed(rows.getLong(1), rows.getString(2)));
          }
          return events;
        }
      }
    });
  }

  /** The oldest event sent to the run after {@code afterSeq} that no saved checkpoint holds yet. */
  Optional<Answer> nextAnswer(String runId, long afterSeq) throws SQLException {
    return db.with(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT seq, event FROM " + table("inbox")
          + " WHERE run_id = ? AND seq > ? AND NOT applied ORDER BY seq LIMIT 1")) {
        select.setString(1, runId);
        select.setLong(2, afterSeq);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(new Answer(rows.getLong(1), rows.getString(2))) : Optional.empty();
        }
      }
    });
  }

  /** Marks the run's events up to {@code seq} as held by a saved checkpoint; part of that save's transaction. */
  void markApplied(Connection connection, String runId, long seq) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("UPDATE " + table("inbox")
        + " SET applied = TRUE WHERE run_id = ? AND seq <= ? AND NOT applied")) {
      update.setString(1, runId);
      update.setLong(2, seq);
      update.executeUpdate();
    }
  }

  /** Marks one event no step accepts as done with, so it is not handed over again. */
  void discard(String runId, long seq) throws SQLException {
    db.with(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + table("inbox")
          + " SET applied = TRUE WHERE run_id = ? AND seq = ?")) {
        update.setString(1, runId);
        update.setLong(2, seq);
        update.executeUpdate();
      }
      return null;
    });
  }

  boolean cancelRequested(String runId) throws SQLException {
    return db.with(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + table("cancels")
          + " WHERE run_id = ?")) {
        select.setString(1, runId);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next();
        }
      }
    });
  }

  /**
   * Makes {@code executorId} the run's one driver, unless another worker whose lease is live holds
   * it: a holder that is this executor, or whose lease lapsed (its process is taken for dead), or
   * none yet, is replaced, and the hold's epoch goes up. One statement, so of two workers that try
   * at once exactly one gets the run. A parked run, or one woken into a later generation than
   * {@code generation} (the DBOS workflow claiming it is an old one), is never claimed: every
   * condition is on the row itself, so it is checked again on the row's newest version when two
   * statements meet.
   *
   * @return the epoch of this worker's hold, or empty when a live worker holds the run, or it is parked or newer
   */
  java.util.OptionalLong claim(String runId, String executorId, java.time.Duration leaseTimeout, long generation)
      throws SQLException {
    return db.with(connection -> {
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + table("holders")
          + " AS h (run_id, executor_id, epoch, generation) VALUES (?, ?, 1, ?) ON CONFLICT (run_id) DO UPDATE"
          + " SET executor_id = EXCLUDED.executor_id, epoch = h.epoch + 1, generation = EXCLUDED.generation,"
          + " waking = FALSE"
          + " WHERE NOT h.parked AND h.generation <= EXCLUDED.generation"
          + " AND (h.executor_id = EXCLUDED.executor_id OR NOT EXISTS (SELECT 1 FROM " + table("workers")
          + " w WHERE w.executor_id = h.executor_id AND w.heartbeat_at >= now() - make_interval(secs => ?)))"
          + " RETURNING epoch")) {
        upsert.setString(1, runId);
        upsert.setString(2, executorId);
        upsert.setLong(3, generation);
        upsert.setDouble(4, leaseTimeout.toMillis() / 1000.0);
        try (ResultSet rows = upsert.executeQuery()) {
          return rows.next() ? java.util.OptionalLong.of(rows.getLong(1)) : java.util.OptionalLong.empty();
        }
      }
    });
  }

  /**
   * Whether the DBOS workflow of {@code generation} is done with the run without an outcome: the
   * run is parked in that generation, or was woken into a later one (whose DBOS workflow drives it).
   */
  boolean superseded(String runId, long generation) throws SQLException {
    return db.with(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + table("holders")
          + " WHERE run_id = ? AND (generation > ? OR (parked AND generation = ?))")) {
        select.setString(1, runId);
        select.setLong(2, generation);
        select.setLong(3, generation);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next();
        }
      }
    });
  }

  /** The run's current generation: 0 until it was first woken from parking. */
  long generation(String runId) throws SQLException {
    return db.with(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT generation FROM " + table("holders")
          + " WHERE run_id = ?")) {
        select.setString(1, runId);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? rows.getLong(1) : 0;
        }
      }
    });
  }

  /** What {@link #park} did. */
  enum Parked {
    /** The run is parked: its DBOS workflow ends; the next event or cancel wakes it. */
    PARKED,
    /** An event or a cancel came for it meanwhile: not parked, resume it here. */
    BUSY,
    /** This worker's hold is gone: another worker drives the run now. */
    LOST
  }

  /**
   * Parks a run that its holder {@code (executorId, epoch)} released from memory, if no event and
   * no cancel waits for it. Locks the run's hold row first, as {@link #sendWaking} and
   * {@link #cancelWaking} do, so an event either comes before (and is seen here: not parked) or
   * after (and sees the run parked: it wakes it). The hold is given up with it, so whichever worker
   * takes the woken run may claim it.
   */
  Parked park(String runId, String executorId, long epoch) throws SQLException {
    return db.inTransaction(connection -> {
      if (!lockHeld(connection, runId, executorId, epoch)) {
        connection.rollback();
        return Parked.LOST;
      }
      try (PreparedStatement waiting = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + table("inbox")
          + " WHERE run_id = ? AND NOT applied), EXISTS (SELECT 1 FROM " + table("cancels") + " WHERE run_id = ?)")) {
        waiting.setString(1, runId);
        waiting.setString(2, runId);
        try (ResultSet rows = waiting.executeQuery()) {
          rows.next();
          if (rows.getBoolean(1) || rows.getBoolean(2)) {
            connection.rollback();
            return Parked.BUSY;
          }
        }
      }
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + table("holders")
          + " SET executor_id = '', parked = TRUE WHERE run_id = ?")) {
        update.setString(1, runId);
        update.executeUpdate();
      }
      return Parked.PARKED;
    });
  }

  /**
   * Stores an event for the run and, if the run is parked, wakes it: one transaction that locks
   * the run's hold row first (see {@link #park}).
   *
   * @return the generation to queue a DBOS workflow for when this call woke the run
   */
  java.util.OptionalLong sendWaking(String runId, String eventJson) throws SQLException {
    return db.inTransaction(connection -> {
      java.util.OptionalLong woke = wakeLocked(connection, runId);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table("inbox")
          + " (run_id, event) VALUES (?, ?)")) {
        insert.setString(1, runId);
        insert.setString(2, eventJson);
        insert.executeUpdate();
      }
      return woke;
    });
  }

  /** Records a cancel request and wakes the run if it is parked (so it ends, cancelled); as {@link #sendWaking}. */
  java.util.OptionalLong cancelWaking(String runId) throws SQLException {
    return db.inTransaction(connection -> {
      java.util.OptionalLong woke = wakeLocked(connection, runId);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table("cancels")
          + " (run_id) VALUES (?) ON CONFLICT DO NOTHING")) {
        insert.setString(1, runId);
        insert.executeUpdate();
      }
      return woke;
    });
  }

  /** Locks the run's hold row (made, unheld, if none yet) and, if the run is parked, moves it to its next generation. */
  private java.util.OptionalLong wakeLocked(Connection connection, String runId) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table("holders")
        + " (run_id, executor_id, epoch) VALUES (?, '', 0) ON CONFLICT DO NOTHING")) {
      insert.setString(1, runId);
      insert.executeUpdate();
    }
    boolean parked;
    try (PreparedStatement lock = connection.prepareStatement("SELECT parked FROM " + table("holders")
        + " WHERE run_id = ? FOR UPDATE")) {
      lock.setString(1, runId);
      try (ResultSet rows = lock.executeQuery()) {
        rows.next();
        parked = rows.getBoolean(1);
      }
    }
    if (!parked) {
      return java.util.OptionalLong.empty();
    }
    try (PreparedStatement wake = connection.prepareStatement("UPDATE " + table("holders")
        + " SET parked = FALSE, waking = TRUE, generation = generation + 1 WHERE run_id = ? RETURNING generation")) {
      wake.setString(1, runId);
      try (ResultSet rows = wake.executeQuery()) {
        rows.next();
        return java.util.OptionalLong.of(rows.getLong(1));
      }
    }
  }

  /** A run woken into {@code generation} of workflow {@code workflow}. */
  record Wake(String runId, long generation, String workflow) {}

  /**
   * Runs woken whose DBOS workflow is not queued (the process that woke them died between its
   * commit and the queueing): {@link Parking#requeueWakes} queues them. A run woken a moment ago
   * may be listed too; queueing a DBOS workflow id twice queues it once.
   */
  java.util.List<Wake> unqueuedWakes() throws SQLException {
    return db.with(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT h.run_id, h.generation, r.workflow FROM "
          + table("holders") + " h JOIN " + table("runs") + " r ON r.run_id = h.run_id WHERE h.waking"
          + " AND NOT EXISTS (SELECT 1 FROM " + dbosTable("workflow_status") + " s WHERE s.workflow_uuid = h.run_id"
          + " || '" + Parking.WAKE + "' || h.generation)")) {
        try (ResultSet rows = select.executeQuery()) {
          java.util.List<Wake> wakes = new java.util.ArrayList<>();
          while (rows.next()) {
            wakes.add(new Wake(rows.getString(1), rows.getLong(2), rows.getString(3)));
          }
          return wakes;
        }
      }
    });
  }

  /** A cancel request and whether the hold {@code (executorId, epoch)} is still the run's, in one round trip. */
  Poll poll(String runId, String executorId, long epoch) throws SQLException {
    return db.with(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM "
          + table("cancels") + " WHERE run_id = ?), EXISTS (SELECT 1 FROM " + table("holders")
          + " WHERE run_id = ? AND executor_id = ? AND epoch = ?)")) {
        select.setString(1, runId);
        select.setString(2, runId);
        select.setString(3, executorId);
        select.setLong(4, epoch);
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          return new Poll(rows.getBoolean(1), rows.getBoolean(2));
        }
      }
    });
  }

  /**
   * Records how the run ended and, for a stored run, its final status, in one transaction, if the
   * hold {@code (executorId, epoch)} is still the run's (a worker that lost the run writes nothing).
   *
   * @return whether it was recorded (or an outcome already was); false when the run is another worker's now
   */
  boolean recordOutcome(String runId, Outcome outcome, String executorId, long epoch) throws SQLException {
    return db.inTransaction(connection -> {
      if (!lockHeld(connection, runId, executorId, epoch)) {
        return false;
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table("outcomes")
          + " (run_id, outcome) VALUES (?, ?) ON CONFLICT DO NOTHING");
          PreparedStatement status = connection.prepareStatement("UPDATE " + table("runs")
              + " SET status = ?, updated_at = now() WHERE run_id = ?")) {
        insert.setString(1, runId);
        insert.setString(2, outcome.encode());
        insert.executeUpdate();
        status.setString(1, outcome.status() == Outcome.Status.FINISHED ? "FINISHED" : "FAILED");
        status.setString(2, runId);
        status.executeUpdate();
      }
      return true;
    });
  }

  /**
   * Locks the run's hold row, in the caller's transaction, if the hold {@code (executorId, epoch)}
   * is still the run's; false (nothing locked) when the run is another worker's now.
   */
  private boolean lockHeld(Connection connection, String runId, String executorId, long epoch) throws SQLException {
    try (PreparedStatement held = connection.prepareStatement("SELECT 1 FROM " + table("holders")
        + " WHERE run_id = ? AND executor_id = ? AND epoch = ? FOR UPDATE")) {
      held.setString(1, runId);
      held.setString(2, executorId);
      held.setLong(3, epoch);
      try (ResultSet rows = held.executeQuery()) {
        return rows.next();
      }
    }
  }

  Optional<Outcome> outcome(String runId) throws SQLException {
    return db.with(connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT outcome FROM " + table("outcomes")
          + " WHERE run_id = ?")) {
        select.setString(1, runId);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Optional.of(Outcome.decode(rows.getString(1))) : Optional.empty();
        }
      }
    });
  }
}
