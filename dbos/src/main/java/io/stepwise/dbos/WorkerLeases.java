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
  private final RunTables tables;
  private final DBOS dbos;
  private final String executorId;
  private final Duration heartbeat;
  private final Duration timeout;
  private final Thread thread;
  private volatile boolean closed;
  private volatile RuntimeException lastFailure;

  WorkerLeases(Connections db, RunTables tables, DBOS dbos, String executorId, Duration heartbeat, Duration timeout) {
    this.db = db;
    this.tables = tables;
    this.dbos = dbos;
    this.executorId = executorId;
    this.heartbeat = heartbeat;
    this.timeout = timeout;
    this.thread = Thread.ofPlatform().daemon().name("stepwise-dbos-leases").unstarted(this::loop);
  }

  void start() throws SQLException {
    renew();
    thread.start();
  }

  private void loop() {
    while (!closed) {
      try {
        Thread.sleep(heartbeat);
        renew();
        for (String dead : takeLapsed()) {
          recover(dead);
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

  private void renew() throws SQLException {
    db.with(connection -> {
      try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + tables.table("workers")
          + " (executor_id, heartbeat_at) VALUES (?, now()) ON CONFLICT (executor_id) DO UPDATE"
          + " SET heartbeat_at = now()")) {
        upsert.setString(1, executorId);
        upsert.executeUpdate();
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
      String queue = run.queueName() != null ? run.queueName() : null;
      dbos.resumeWorkflows(List.of(run.workflowId()), queue);
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
