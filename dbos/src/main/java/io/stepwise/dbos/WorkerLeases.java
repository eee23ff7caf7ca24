package io.stepwise.dbos;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.workflow.ListWorkflowsInput;
import dev.dbos.transact.workflow.WorkflowState;
import dev.dbos.transact.workflow.WorkflowStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is alive: every worker renews a lease (a heartbeat row keyed by its DBOS executor id), and
 * looks for leases that lapsed. DBOS only recovers a process's own workflows when it restarts
 * under the same executor id; a lapsed lease means that process is gone, so the first worker to
 * take the lease (a conditional delete, so only one does) puts the dead worker's pending runs
 * back on their queues, where any worker with a free slot takes them and resumes them from their
 * last checkpoint. A worker that was only slow, not dead, finds its run claimed by the resumer at
 * its next checkpoint save and stops ({@code StaleRunException}), as docs/durability.md states.
 */
final class WorkerLeases implements AutoCloseable {
  private final Connections db;
  // The renewal's own connection: a pool busy with checkpoint saves must never delay the heartbeat.
  private final Connections own;
  private final RunTables tables;
  private final DBOS dbos;
  private final String executorId;
  private final Duration heartbeat;
  private final Duration timeout;
  private final Thread renewer;
  private final Thread taker;
  private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);
  private volatile boolean closed;
  private volatile long losses; // how often another worker took this worker's lease
  private volatile RuntimeException lastFailure;

  WorkerLeases(Connections db, Connections own, RunTables tables, DBOS dbos, String executorId, Duration heartbeat,
      Duration timeout) {
    this.db = db;
    this.own = own;
    this.tables = tables;
    this.dbos = dbos;
    this.executorId = executorId;
    this.heartbeat = heartbeat;
    this.timeout = timeout;
    // Renewal has a thread of its own, so a slow recovery never delays this worker's own heartbeat.
    this.renewer = Thread.ofPlatform().daemon().name("stepwise-dbos-lease").unstarted(() -> loop(true));
    this.taker = Thread.ofPlatform().daemon().name("stepwise-dbos-takeover").unstarted(() -> loop(false));
  }

  void start() throws SQLException {
    renew();
    renewer.start();
    taker.start();
  }

  /** How often another worker took this worker's lease (and so its runs) since it started. */
  long losses() {
    return losses;
  }

  /** Blocks until the worker closes: where a run whose lease was lost parks, writing nothing more. */
  void awaitClose() throws InterruptedException {
    closing.await();
  }

  private void loop(boolean renewing) {
    while (!closed) {
      try {
        Thread.sleep(heartbeat);
        if (renewing) {
          renew();
        } else {
          for (String dead : takeLapsed()) {
            recover(dead);
          }
        }
        lastFailure = null;
      } catch (InterruptedException e) {
        return;
      } catch (SQLException | RuntimeException e) {
        // Kept for the worker's status and retried at the next beat; a lease that lapses because
        // the database is away is taken by another worker, whose claim stops this one's runs.
        lastFailure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        System.getLogger(WorkerLeases.class.getName()).log(System.Logger.Level.WARNING,
            "worker " + executorId + ": lease renewal or recovery failed", e);
      }
    }
  }

  /** The last failure of a renewal or recovery, or null after a good beat. */
  RuntimeException lastFailure() {
    return lastFailure;
  }

  private boolean started;

  /**
   * Renews the lease. A lease that is gone was taken by another worker, which put this worker's
   * runs back on the queues: they are another worker's now, so this one stops driving them (see
   * {@link #losses}) and takes a new lease for the runs it takes from now on.
   */
  private void renew() throws SQLException {
    boolean renewed = own.with(connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.table("workers")
          + " SET heartbeat_at = now() WHERE executor_id = ?")) {
        update.setString(1, executorId);
        return update.executeUpdate() == 1;
      }
    });
    if (renewed) {
      return;
    }
    if (started) {
      losses++;
      System.getLogger(WorkerLeases.class.getName()).log(System.Logger.Level.ERROR, "worker " + executorId
          + ": another worker took this worker's lease (it was not renewed in time) and with it the runs held"
          + " here; they stop here and go on there");
    }
    started = true;
    own.with(connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + tables.table("workers")
          + " (executor_id, heartbeat_at) VALUES (?, now()) ON CONFLICT (executor_id) DO UPDATE"
          + " SET heartbeat_at = now()")) {
        insert.setString(1, executorId);
        insert.executeUpdate();
      }
      return null;
    });
  }

  /** Deletes the leases that lapsed and returns their executors; a lease is taken by one worker only. */
  private List<String> takeLapsed() throws SQLException {
    return db.with(connection -> {
      List<String> dead = new ArrayList<>();
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + tables.table("workers")
          + " WHERE executor_id <> ? AND heartbeat_at < now() - make_interval(secs => ?) RETURNING executor_id")) {
        delete.setString(1, executorId);
        delete.setDouble(2, timeout.toMillis() / 1000.0);
        try (ResultSet rows = delete.executeQuery()) {
          while (rows.next()) {
            dead.add(rows.getString(1));
          }
        }
      }
      return dead;
    });
  }

  /** Puts the dead worker's pending runs back on the queue they came from. */
  void recover(String deadExecutor) {
    List<WorkflowStatus> pending = dbos.listWorkflows(new ListWorkflowsInput()
        .withStatus(WorkflowState.PENDING).withExecutorIds(deadExecutor));
    for (WorkflowStatus run : pending) {
      if (!deadExecutor.equals(run.executorId()) || run.status() != WorkflowState.PENDING) {
        continue; // taken by a live worker since the listing
      }
      System.getLogger(WorkerLeases.class.getName()).log(System.Logger.Level.INFO, "worker " + executorId
          + ": requeues run " + run.workflowId() + " of dead worker " + deadExecutor);
      String queue = run.queueName() != null ? run.queueName() : null;
      dbos.resumeWorkflows(List.of(run.workflowId()), queue);
    }
  }

  @Override
  public void close() {
    closed = true;
    closing.countDown();
    own.close();
    renewer.interrupt();
    taker.interrupt();
  }
}
