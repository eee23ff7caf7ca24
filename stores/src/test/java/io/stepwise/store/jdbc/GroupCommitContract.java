package io.stepwise.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.StaleRunException;
import io.stepwise.store.StoredRun;
import io.stepwise.store.contract.TickingClock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit of {@link JdbcRunStore} against each database: saves made while a transaction is
 * committed share the next one, and each caller still gets exactly its own save's outcome. To put
 * chosen saves in one batch, a second connection holds a write lock on the first save's run; that
 * save waits in the database, the others queue behind it in the order they are made, and when the
 * lock is released they are written as one batch.
 */
abstract class GroupCommitContract {
  static final String POISON = "{\"poison\":true}";

  /** The database under test. */
  abstract String url();

  /** A fresh table for this test. */
  abstract String table();

  /** Statements that make the database refuse any write of a row whose snapshot is {@link #POISON}. */
  abstract List<String> refuseSnapshot(String table, String snapshot);

  JdbcRunStore store;
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @BeforeEach
  void openStore() {
    store = JdbcRunStore.builder(url()).table(table()).clock(new TickingClock()).build();
  }

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  static Checkpoint checkpoint(String runId, String snapshot) {
    return new Checkpoint(runId, "BatchFlow", "sha256:b", RunStatus.RUNNING, snapshot);
  }

  @Test
  void savesOneAfterAnotherAreEachTheirOwnTransaction() {
    StoredRun first = store.save(checkpoint("run-1", "{\"n\":1}"), 0);
    store.save(checkpoint("run-1", "{\"n\":2}"), first.version());
    store.save(checkpoint("run-2", "{\"n\":1}"), 0);

    assertEquals(new SaveGroupCommit.Progress(3, 3, 0, false), store.groupCommitProgress());
  }

  @Test
  void manyConcurrentRunsHaveEverySaveStoredExactly() throws Exception {
    int runs = 32;
    int savesPerRun = 12;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> drivers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(runs)) {
      for (int r = 0; r < runs; r++) {
        String runId = "run-" + r;
        drivers.add(pool.submit(() -> {
          start.await();
          for (int v = 1; v <= savesPerRun; v++) {
            Checkpoint next = checkpoint(runId, "{\"run\":\"" + runId + "\",\"save\":" + v + "}");
            StoredRun saved = store.save(next, v - 1);
            assertEquals(v, saved.version());
            assertEquals(next, saved.checkpoint());
            // Visible when save returns, and exactly this save: nobody else writes this run.
            assertEquals(Optional.of(saved), store.load(runId));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> driver : drivers) {
        driver.get();
      }
    }
    List<StoredRun> stored = store.list();
    assertEquals(runs, stored.size());
    for (StoredRun run : stored) {
      assertEquals(savesPerRun, run.version());
      assertEquals("{\"run\":\"" + run.runId() + "\",\"save\":" + savesPerRun + "}", run.snapshotJson());
    }
    SaveGroupCommit.Progress progress = store.groupCommitProgress();
    assertEquals(runs * savesPerRun, progress.saves());
    assertTrue(progress.batches() < progress.saves(), () -> "no save shared a transaction: " + progress);
  }

  @Test
  void aConflictInABatchReachesOnlyItsCaller() throws Exception {
    StoredRun lead = store.save(checkpoint("lead", "{}"), 0);
    store.save(checkpoint("contested", "{\"by\":\"base\"}"), 0);
    StoredRun moved = store.save(checkpoint("moved", "{\"v\":2}"), store.save(checkpoint("moved", "{\"v\":1}"), 0).version());
    store.save(checkpoint("deleted", "{}"), 0);
    store.delete("deleted");
    StoredRun taken = store.save(checkpoint("taken", "{\"by\":\"first\"}"), 0);
    store.save(checkpoint("later", "{\"v\":1}"), 0);
    SaveGroupCommit.Progress before = store.groupCommitProgress();

    List<CompletableFuture<StoredRun>> saves;
    try (Connection blocker = lockRun("lead")) {
      CompletableFuture<StoredRun> leader = saveAsync(checkpoint("lead", "{\"v\":2}"), lead.version());
      awaitProgress(p -> p.writing() && p.waiting() == 0);
      saves = List.of(
          queue(checkpoint("fresh-1", "{\"new\":1}"), 0),
          queue(checkpoint("contested", "{\"by\":\"A\"}"), 1),
          queue(checkpoint("contested", "{\"by\":\"B\"}"), 1), // A wrote version 2 first
          queue(checkpoint("moved", "{\"stale\":true}"), 1),
          queue(checkpoint("deleted", "{\"stale\":true}"), 1),
          queue(checkpoint("taken", "{\"by\":\"second\"}"), 0),
          queue(checkpoint("later", "{\"v\":5}"), 5), // refused before the next save of "later" writes
          queue(checkpoint("later", "{\"v\":2}"), 1),
          queue(checkpoint("fresh-2", "{\"new\":2}"), 0));
      assertEquals(before.batches(), store.groupCommitProgress().batches(), "the leader's save waits for the lock");
      blocker.commit();
      assertEquals(2, leader.get().version());
    }

    assertEquals(1, saves.get(0).get().version());
    assertEquals(2, saves.get(1).get().version());
    assertStale(saves.get(2), "contested", 1, 2);
    assertStale(saves.get(3), "moved", 1, 2);
    assertStale(saves.get(4), "deleted", 1, 0);
    assertStale(saves.get(5), "taken", 0, 1);
    assertStale(saves.get(6), "later", 5, 1);
    assertEquals(2, saves.get(7).get().version());
    assertEquals(1, saves.get(8).get().version());
    assertEquals(new SaveGroupCommit.Progress(before.batches() + 2, before.saves() + 1 + saves.size(), 0, false),
        store.groupCommitProgress(), "the leader's save alone, then the nine queued behind it in one batch");

    assertEquals(Optional.of(saves.get(0).get()), store.load("fresh-1"));
    assertEquals(Optional.of(saves.get(1).get()), store.load("contested"));
    assertEquals(Optional.of(moved), store.load("moved"));
    assertEquals(Optional.empty(), store.load("deleted"));
    assertEquals(Optional.of(taken), store.load("taken"));
    assertEquals(Optional.of(saves.get(7).get()), store.load("later"));
    assertEquals(Optional.of(saves.get(8).get()), store.load("fresh-2"));
  }

  @Test
  void aFailingBatchFailsAllItsCallersAndWritesNone() throws Exception {
    StoredRun lead = store.save(checkpoint("lead", "{}"), 0);
    for (int i = 1; i <= 3; i++) {
      store.save(checkpoint("run-" + i, "{\"v\":1}"), 0);
    }
    execute(refuseSnapshot(table(), POISON));
    SaveGroupCommit.Progress before = store.groupCommitProgress();

    List<CompletableFuture<StoredRun>> saves;
    try (Connection blocker = lockRun("lead")) {
      CompletableFuture<StoredRun> leader = saveAsync(checkpoint("lead", "{\"v\":2}"), lead.version());
      awaitProgress(p -> p.writing() && p.waiting() == 0);
      saves = List.of(
          queue(checkpoint("run-1", "{\"v\":2}"), 1),
          queue(checkpoint("run-2", POISON), 1),
          queue(checkpoint("run-3", "{\"v\":2}"), 1),
          queue(checkpoint("new-run", "{\"v\":1}"), 0),
          queue(checkpoint("run-3", "{\"stale\":true}"), 7));
      blocker.commit();
      assertEquals(2, leader.get().version());
    }

    List<String> runIds = List.of("run-1", "run-2", "run-3", "new-run", "run-3");
    Throwable firstCause = null;
    for (int i = 0; i < saves.size(); i++) {
      ExecutionException failed = assertThrowsExecution(saves.get(i));
      RunStoreException error = assertInstanceOf(RunStoreException.class, failed.getCause());
      assertTrue(error.getMessage().startsWith("Cannot save run '" + runIds.get(i) + "' (table " + table() + "): "),
          error.getMessage());
      assertTrue(error.getMessage().contains("poisoned checkpoint"), error.getMessage());
      assertTrue(error.getMessage().endsWith(" Nothing was changed by this call, nor by the 4 other saves committed"
          + " in the same transaction, which failed with it."), error.getMessage());
      assertInstanceOf(SQLException.class, error.getCause());
      if (firstCause == null) {
        firstCause = error.getCause();
      }
      assertEquals(firstCause, error.getCause(), "every caller gets the batch's one cause");
    }
    assertEquals(new SaveGroupCommit.Progress(before.batches() + 2, before.saves() + 1 + saves.size(), 0, false),
        store.groupCommitProgress());
    for (int i = 1; i <= 3; i++) {
      StoredRun stored = store.load("run-" + i).orElseThrow();
      assertEquals(1, stored.version(), "run-" + i);
      assertEquals("{\"v\":1}", stored.snapshotJson());
    }
    assertEquals(Optional.empty(), store.load("new-run"));
    // The store goes on: the next batch is a new transaction.
    assertEquals(2, store.save(checkpoint("run-1", "{\"v\":2}"), 1).version());
  }

  CompletableFuture<StoredRun> saveAsync(Checkpoint checkpoint, long expectedVersion) {
    return CompletableFuture.supplyAsync(() -> store.save(checkpoint, expectedVersion), callers);
  }

  /** Makes a save and waits until it queues, so that saves queue in the order they are made. */
  CompletableFuture<StoredRun> queue(Checkpoint checkpoint, long expectedVersion) {
    int waiting = store.groupCommitProgress().waiting();
    CompletableFuture<StoredRun> save = saveAsync(checkpoint, expectedVersion);
    awaitProgress(p -> p.waiting() == waiting + 1);
    return save;
  }

  void awaitProgress(java.util.function.Predicate<SaveGroupCommit.Progress> condition) {
    await(() -> condition.test(store.groupCommitProgress()), "group commit progress");
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** A connection in a transaction that has written the run's row, so it holds a lock a save of it needs. */
  Connection lockRun(String runId) throws SQLException {
    Connection connection = DriverManager.getConnection(url());
    connection.setAutoCommit(false);
    try (PreparedStatement touch =
        connection.prepareStatement("UPDATE " + table() + " SET workflow = workflow WHERE run_id = ?")) {
      touch.setString(1, runId);
      assertEquals(1, touch.executeUpdate());
    }
    return connection;
  }

  void execute(List<String> statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url());
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static void assertStale(CompletableFuture<StoredRun> save, String runId, long expected, long actual) {
    StaleRunException stale = assertInstanceOf(StaleRunException.class, assertThrowsExecution(save).getCause());
    assertEquals(new StaleRunException(runId, expected, actual).getMessage(), stale.getMessage());
    assertEquals(runId, stale.runId());
    assertEquals(expected, stale.expectedVersion());
    assertEquals(actual, stale.actualVersion());
  }

  private static ExecutionException assertThrowsExecution(CompletableFuture<StoredRun> save) {
    try {
      StoredRun saved = save.get();
      throw new AssertionError("expected the save to fail, but it saved " + saved);
    } catch (ExecutionException e) {
      return e;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
