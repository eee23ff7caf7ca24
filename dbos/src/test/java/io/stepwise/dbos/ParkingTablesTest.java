package io.stepwise.dbos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parking protocol's statements against PostgreSQL, raced with each other. */
class ParkingTablesTest {
  private static final Duration LEASE = Duration.ofSeconds(30);

  private String url;
  private String schema;
  private Connections db;
  private RunTables tables;

  @BeforeEach
  void setUp() throws Exception {
    url = TestDatabase.url();
    schema = TestDatabase.freshSchema("dbos_parking");
    db = new Connections(url, null, null, 16, "parking-test");
    tables = new RunTables(db, schema);
    tables.create();
  }

  @AfterEach
  void tearDown() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void anEventOrCancelWaitingForTheRunKeepsItFromBeingParked() throws Exception {
    long epoch = tables.claim("run-1", "worker-a", LEASE, 0).getAsLong();
    assertEquals(OptionalLong.empty(), tables.sendWaking("run-1", "{}"));
    assertEquals(RunTables.Parked.BUSY, tables.park("run-1", "worker-a", epoch));
    tables.discard("run-1", tables.nextAnswer("run-1", 0).orElseThrow().seq());

    assertEquals(OptionalLong.empty(), tables.cancelWaking("run-1"));
    assertEquals(RunTables.Parked.BUSY, tables.park("run-1", "worker-a", epoch));
    assertEquals(RunTables.Parked.LOST, tables.park("run-1", "worker-b", epoch));
    assertEquals(RunTables.Parked.LOST, tables.park("run-1", "worker-a", epoch + 1));
  }

  @Test
  void aParkedRunIsClaimedOnlyByTheGenerationItWasWokenInto() throws Exception {
    long epoch = tables.claim("run-1", "worker-a", LEASE, 0).getAsLong();
    assertEquals(RunTables.Parked.PARKED, tables.park("run-1", "worker-a", epoch));
    assertTrue(tables.superseded("run-1", 0));
    assertEquals(OptionalLong.empty(), tables.claim("run-1", "worker-a", LEASE, 0), "parked: not even its holder");
    assertEquals(OptionalLong.empty(), tables.claim("run-1", "worker-b", LEASE, 1), "parked: no later generation yet");

    // Eight processes send at once: one wakes it, into generation 1; the others find it awake.
    List<OptionalLong> woke = race(8, () -> tables.sendWaking("run-1", "{}"));
    assertEquals(1, woke.stream().filter(OptionalLong::isPresent).count(), woke.toString());
    assertEquals(1, woke.stream().filter(OptionalLong::isPresent).findFirst().orElseThrow().getAsLong());
    assertEquals(1, tables.generation("run-1"));
    assertEquals(List.of("run-1@1"), waking());

    assertTrue(tables.superseded("run-1", 0));
    assertFalse(tables.superseded("run-1", 1));
    assertEquals(OptionalLong.empty(), tables.claim("run-1", "worker-b", LEASE, 0), "the parked generation's DBOS workflow");
    assertTrue(tables.claim("run-1", "worker-b", LEASE, 1).isPresent(), "unheld since the park: any worker takes it");
    assertEquals(List.of(), waking(), "claimed: no sweep needs to queue it");
  }

  /**
   * A send and a park that meet: whichever locks the hold row first, the event is never left in
   * the inbox of a parked run (either the park sees it, or the send sees the park and wakes it).
   */
  @Test
  void aSendRacingAParkEitherKeepsTheRunOrWakesIt() throws Exception {
    int parkedThenWoken = 0;
    int keptBusy = 0;
    for (int i = 0; i < 40; i++) {
      String runId = "run-" + i;
      long epoch = tables.claim(runId, "worker-a", LEASE, 0).getAsLong();
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        CountDownLatch go = new CountDownLatch(1);
        Future<RunTables.Parked> park = threads.submit(() -> {
          go.await();
          return tables.park(runId, "worker-a", epoch);
        });
        Future<OptionalLong> send = threads.submit(() -> {
          go.await();
          return tables.sendWaking(runId, "{}");
        });
        go.countDown();
        RunTables.Parked parked = park.get();
        OptionalLong woke = send.get();
        if (parked == RunTables.Parked.PARKED) {
          assertEquals(OptionalLong.of(1), woke, runId + ": parked before the send, so the send woke it");
          parkedThenWoken++;
        } else {
          assertEquals(RunTables.Parked.BUSY, parked, runId);
          assertEquals(OptionalLong.empty(), woke, runId + ": the send came first, so it was never parked");
          keptBusy++;
        }
        assertFalse(parkedWithAnEventWaiting(runId), runId);
      } finally {
        threads.shutdownNow();
      }
    }
    assertEquals(40, parkedThenWoken + keptBusy);
  }

  private static <T> List<T> race(int callers, Callable<T> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        futures.add(threads.submit(() -> {
          go.await();
          return call.call();
        }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }

  private List<String> waking() throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT run_id || '@' || generation FROM " + schema
            + ".stepwise_holders WHERE waking ORDER BY run_id");
        ResultSet rows = select.executeQuery()) {
      List<String> runs = new ArrayList<>();
      while (rows.next()) {
        runs.add(rows.getString(1));
      }
      return runs;
    }
  }

  private boolean parkedWithAnEventWaiting(String runId) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + schema + ".stepwise_holders h"
            + " WHERE h.run_id = ? AND h.parked AND EXISTS (SELECT 1 FROM " + schema + ".stepwise_inbox i"
            + " WHERE i.run_id = h.run_id AND NOT i.applied)")) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }
}
