package io.stepwise.dbos;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is alive, and what happens to the runs of who is not. Every worker renews a lease (a
 * heartbeat row keyed by its DBOS executor id) and, at every beat, puts back on their queues the
 * runs that DBOS shows held ({@code PENDING}) by an executor without a live lease.
 *
 * <p>DBOS itself recovers a process's pending workflows only when a process starts again under
 * the same executor id, and it does so after its queues already began handing out work: a fresh
 * process's startup recovery would find the runs it had just taken from the queue and put them
 * back, while they ran (the cause of the runs that ran twice, docs/distributed.md). So every
 * launch gets an executor id of its own ({@code name/random}), DBOS's startup recovery never finds
 * anything, and this sweep does the recovery instead: one conditional {@code UPDATE}, keyed on the
 * row's current holder, so it can never requeue a run a live worker took meanwhile, and it needs
 * no record of who died (a worker that dies while it requeues leaves nothing half done).
 */
final class WorkerLeases implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(WorkerLeases.class.getName());

  private final Connections db;
  // The renewal's own connection: a pool busy with checkpoint saves must never delay the heartbeat.
  private final Connections own;
  private final RunTables tables;
  private final String executorId;
  private final String name;
  private final Duration heartbeat;
  private final Duration timeout;
  private final Thread renewer;
  private final Thread sweeper;
  private volatile boolean closed;
  private volatile RuntimeException lastFailure;
  private volatile Sweep alsoEachBeat = () -> { };

  /** More work for the sweeper's beat. */
  @FunctionalInterface
  interface Sweep {
    void run() throws SQLException;
  }

  WorkerLeases(Connections db, Connections own, RunTables tables, String name, String executorId,
      Duration heartbeat, Duration timeout) {
    this.db = db;
    this.own = own;
    this.tables = tables;
    this.name = name;
    this.executorId = executorId;
    this.heartbeat = heartbeat;
    this.timeout = timeout;
    // Renewal has a thread of its own, so a slow sweep never delays this worker's own heartbeat.
    this.renewer = Thread.ofPlatform().daemon().name("stepwise-dbos-lease").unstarted(() -> loop(true));
    this.sweeper = Thread.ofPlatform().daemon().name("stepwise-dbos-takeover").unstarted(() -> loop(false));
  }

  /** This launch's executor id. */
  String executorId() {
    return executorId;
  }

  /** How long a lease lasts unrenewed before its runs are another worker's to take. */
  Duration timeout() {
    return timeout;
  }

  /**
   * Takes the lease, before DBOS hands this worker any run (a run taken under an executor with no
   * lease would be requeued at once). Earlier launches under this worker's name are dead — a name
   * is one process at a time — so their leases go now and their runs are requeued at the next sweep.
   */
  void begin() throws SQLException {
    own.with(connection -> {
      try (PreparedStatement forget = connection.prepareStatement("DELETE FROM " + tables.table("workers")
          + " WHERE left(executor_id, ?) = ? AND executor_id <> ?")) {
        forget.setInt(1, name.length() + 1);
        forget.setString(2, name + "/");
        forget.setString(3, executorId);
        forget.executeUpdate();
      }
      return null;
    });
    renew();
  }

  /** Adds work to every sweep (queueing the DBOS workflows of woken runs whose waker died). */
  void alsoEachBeat(Sweep sweep) {
    this.alsoEachBeat = sweep;
  }

  /** Starts renewing and sweeping; after DBOS launched (the sweep updates DBOS's table). */
  void start() {
    renewer.start();
    sweeper.start();
  }

  private void loop(boolean renewing) {
    while (!closed) {
      try {
        Thread.sleep(heartbeat);
        if (renewing) {
          renew();
        } else {
          requeueOrphans();
          alsoEachBeat.run();
        }
        lastFailure = null;
      } catch (InterruptedException e) {
        return;
      } catch (SQLException | RuntimeException e) {
        // Kept for the worker's status and retried at the next beat; a lease that lapses because
        // the database is away lets other workers take this one's runs, and the holds fence it.
        lastFailure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        LOG.log(System.Logger.Level.WARNING, "worker " + executorId + ": lease renewal or sweep failed", e);
      }
    }
  }

  /** The last failure of a renewal or sweep, or null after a good beat. */
  RuntimeException lastFailure() {
    return lastFailure;
  }

  private void renew() throws SQLException {
    own.with(connection -> {
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + tables.table("workers")
          + " (executor_id, heartbeat_at) VALUES (?, now()) ON CONFLICT (executor_id) DO UPDATE"
          + " SET heartbeat_at = now()")) {
        upsert.setString(1, executorId);
        upsert.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Puts back on its queue every Stepwise run DBOS shows as held by an executor without a live
   * lease, and forgets leases long lapsed. Returns the runs requeued, as {@code run@executor}.
   */
  List<String> requeueOrphans() throws SQLException {
    List<String> requeued = db.with(connection -> {
      List<String> runs = new ArrayList<>();
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.dbosTable("workflow_status")
          + " s SET status = 'ENQUEUED', started_at_epoch_ms = NULL,"
          + " updated_at = (extract(epoch FROM clock_timestamp()) * 1000)::bigint"
          + " WHERE s.status = 'PENDING' AND s.queue_name LIKE 'stepwise:%' AND NOT EXISTS (SELECT 1 FROM "
          + tables.table("workers") + " w WHERE w.executor_id = s.executor_id"
          + " AND w.heartbeat_at >= now() - make_interval(secs => ?)) RETURNING s.workflow_uuid, s.executor_id")) {
        update.setDouble(1, timeout.toMillis() / 1000.0);
        try (ResultSet rows = update.executeQuery()) {
          while (rows.next()) {
            runs.add(rows.getString(1) + "@" + rows.getString(2));
          }
        }
      }
      try (PreparedStatement forget = connection.prepareStatement("DELETE FROM " + tables.table("workers")
          + " WHERE heartbeat_at < now() - make_interval(secs => ?)")) {
        forget.setDouble(1, timeout.toMillis() * 4 / 1000.0);
        forget.executeUpdate();
      }
      return runs;
    });
    for (String run : requeued) {
      LOG.log(System.Logger.Level.INFO, "worker " + executorId + ": requeued run " + run.replace("@", " of dead worker "));
    }
    return requeued;
  }

  /** Stops renewing and gives the lease up, so the runs held here are requeued at the next sweep of another worker. */
  @Override
  public void close() {
    closed = true;
    renewer.interrupt();
    sweeper.interrupt();
    try {
      renewer.join(Duration.ofSeconds(5));
      own.with(connection -> {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + tables.table("workers")
            + " WHERE executor_id = ?")) {
          delete.setString(1, executorId);
          delete.executeUpdate();
        }
        return null;
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.WARNING, "worker " + executorId + ": its lease could not be given up; it lapses"
          + " in " + timeout, e);
    } finally {
      own.close();
    }
  }
}
