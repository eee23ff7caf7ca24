package io.stepwise.dbos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idle release across worker JVMs: a run resting for a person's answer is parked and frees its
 * slot; answers and cancels sent later wake it on whichever worker takes it.
 */
class IdleReleaseTest {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private String url;
  private String schema;
  private Ledger ledger;
  private TestWorkers workers;
  private StepwiseDbos client;
  private DurableWorkflow<ParkFlow.Begin, ParkFlow.Answered> parks;
  private DurableWorkflow<ChainFlow.Go, ChainFlow.Done> chain;

  @BeforeEach
  void setUp() throws Exception {
    url = TestDatabase.url();
    schema = TestDatabase.freshSchema("dbos_idle");
    ledger = new Ledger(url, schema);
    ledger.create();
    workers = new TestWorkers(url, schema);
    var parkFlow = ParkFlow_Workflow.of(new ParkFlow(ledger));
    var chainFlow = ChainFlow_Workflow.of(new ChainFlow(ledger));
    client = TestWorkers.configure(url, schema).executorId("client").holdRuns(false)
        .register(parkFlow).register(chainFlow).launch();
    parks = client.workflow(parkFlow);
    chain = client.workflow(chainFlow);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (workers != null) {
      workers.close();
    }
    if (client != null) {
      client.close();
    }
  }

  @Test
  void parkedRunFreesItsSlotAndItsAnswersResumeItOnAnotherWorker() throws Exception {
    Process first = workers.start("worker-a", 1, Duration.ofSeconds(1));
    String runId = parks.start(new ParkFlow.Begin("pirates"));
    awaitTrue(() -> ledger.lines(runId).contains("ask:completed"));
    awaitTrue(() -> parked(runId, 0));

    // The worker's one slot is free: another run is taken and finishes there.
    String other = chain.start(new ChainFlow.Go(1, 0));
    assertEquals(new ChainFlow.Done(20), chain.result(other, LIMIT));
    assertEquals(List.of(Long.toString(first.pid())), ledger.pids(other, "slow", "began"));
    assertTrue(parked(runId, 0), "the waiting run stays parked while the other runs");
    assertThrows(java.util.concurrent.TimeoutException.class, () -> parks.result(runId, Duration.ofMillis(300)),
        "a parked run is alive, not failed");

    TestWorkers.kill(first);
    Process second = workers.start("worker-b", 1, Duration.ofSeconds(1));
    parks.send(runId, new ParkFlow.Reply("arr")); // wakes it: generation 1, taken by worker-b
    awaitTrue(() -> ledger.lines(runId).contains("check:began"));
    awaitTrue(() -> parked(runId, 1)); // blocked in waitForEvent: parked again

    parks.send(runId, new ParkFlow.Confirm("aye")); // generation 2

    assertEquals(new ParkFlow.Answered("arr aye"), parks.result(runId, LIMIT));
    // Each step ran once, but 'check', which was in flight (blocked in its wait) when the run was
    // parked, ran again up to its wait on resume: the documented re-run of a waiting step.
    assertEquals(List.of("ask:began", "ask:completed", "check:began", "check:began", "check:completed"),
        ledger.lines(runId));
    assertEquals(List.of(Long.toString(first.pid())), ledger.pids(runId, "ask", "began"));
    assertEquals(List.of(Long.toString(second.pid()), Long.toString(second.pid())),
        ledger.pids(runId, "check", "began"));
    assertEquals(2, generation(runId));
    assertEquals(List.of(new ParkFlow.Question("What about pirates?"), new ParkFlow.ConfirmPlease("arr"),
        new ParkFlow.ConfirmPlease("arr"), new ParkFlow.Answered("arr aye")),
        parks.events(runId, LIMIT).toList());
  }

  @Test
  void answersSentWhileRunsAreBeingParkedAreNeverLost() throws Exception {
    workers.start("worker-a", 4, Duration.ofMillis(300));
    int runs = 12;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      ids.add(parks.start(new ParkFlow.Begin("t" + i)));
    }
    List<Thread> senders = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      String runId = ids.get(i);
      long offset = 60L * i; // 0 to 660 ms after the rest: before, during and after its release at ~300-500 ms
      senders.add(Thread.ofVirtual().start(() -> {
        try {
          awaitTrue(() -> ledger.lines(runId).contains("ask:completed"));
          Thread.sleep(offset);
          parks.send(runId, new ParkFlow.Reply("r" + runId));
          awaitTrue(() -> ledger.lines(runId).contains("check:began"));
          Thread.sleep(offset);
          parks.send(runId, new ParkFlow.Confirm("c"));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    for (Thread sender : senders) {
      sender.join();
    }
    for (String runId : ids) {
      assertEquals(new ParkFlow.Answered("r" + runId + " c"), parks.result(runId, LIMIT));
      List<String> lines = ledger.lines(runId);
      assertEquals(List.of("ask:began", "ask:completed"), lines.subList(0, 2), runId);
      assertEquals("check:completed", lines.getLast(), runId);
      long checks = lines.stream().filter("check:began"::equals).count();
      assertTrue(checks == 1 || checks == 2, runId + " ran 'check' once, or again after parking in its wait: " + lines);
      assertEquals(2 + checks + 1, lines.size(), runId + ": " + lines);
    }
  }

  @Test
  void cancelOfAParkedRunWakesItAndEndsItCancelled() throws Exception {
    workers.start("worker-a", 1, Duration.ofMillis(500));
    String runId = parks.start(new ParkFlow.Begin("maps"));
    awaitTrue(() -> parked(runId, 0));

    parks.cancel(runId);

    DurableRunException cancelled = assertThrows(DurableRunException.class, () -> parks.result(runId, LIMIT));
    assertEquals("CANCELLED", cancelled.status());
    assertEquals(List.of("ask:began", "ask:completed"), ledger.lines(runId));
    assertEquals(1, generation(runId));
    // An answer sent after the end reaches nobody and wakes nothing.
    parks.send(runId, new ParkFlow.Reply("late"));
    assertEquals(1, generation(runId));
  }

  @Test
  void aRunWokenByAProcessThatDiedBeforeQueueingItIsQueuedByTheSweep() throws Exception {
    workers.start("worker-a", 1, Duration.ofSeconds(1));
    String runId = parks.start(new ParkFlow.Begin("wind"));
    awaitTrue(() -> parked(runId, 0));

    // What send() does up to its commit, without the DBOS workflow it queues next: as if it died there.
    var parkFlow = ParkFlow_Workflow.of(new ParkFlow(ledger));
    try (Connections db = new Connections(url, null, null, 1, "dying-sender")) {
      assertEquals(java.util.OptionalLong.of(1),
          new RunTables(db, schema).sendWaking(runId, parkFlow.json().write(new ParkFlow.Reply("gust"))));
    }

    awaitTrue(() -> ledger.lines(runId).contains("check:began")); // a worker's sweep queued generation 1
    parks.send(runId, new ParkFlow.Confirm("ho"));
    assertEquals(new ParkFlow.Answered("gust ho"), parks.result(runId, LIMIT));
    assertEquals(List.of("ask:began", "ask:completed", "check:began", "check:completed"), ledger.lines(runId));
  }

  @Test
  void aRunWhoseWorkerIsKilledRightAfterWakingItIsResumedElsewhere() throws Exception {
    Process first = workers.start("worker-a", 1, Duration.ofMillis(500));
    String runId = parks.start(new ParkFlow.Begin("reef"));
    awaitTrue(() -> parked(runId, 0));
    TestWorkers.kill(first);
    Process second = workers.start("worker-b", 1, Duration.ofSeconds(30));
    parks.send(runId, new ParkFlow.Reply("coral"));
    awaitTrue(() -> ledger.lines(runId).contains("check:began"));
    Thread.sleep(300); // the checkpoint of its wait is saved

    TestWorkers.kill(second); // holding generation 1, not parked (its idle time is long)
    Process third = workers.start("worker-c", 1, Duration.ofSeconds(30));
    parks.send(runId, new ParkFlow.Confirm("fish"));

    assertEquals(new ParkFlow.Answered("coral fish"), parks.result(runId, LIMIT));
    assertEquals(List.of("ask:began", "ask:completed", "check:began", "check:began", "check:completed"),
        ledger.lines(runId));
    assertEquals(List.of(Long.toString(second.pid()), Long.toString(third.pid())),
        ledger.pids(runId, "check", "began"));
    assertEquals(1, generation(runId));
  }

  /**
   * The worker is killed after the run let go from memory, while its park waits for the run's hold
   * row (this test holds the row's lock), and an answer is sent meanwhile: the park never commits,
   * the run is requeued as any run of a dead worker, and the answer reaches it exactly once.
   */
  @Test
  void aWorkerKilledWhileParkingLeavesTheRunToBeResumedWithTheAnswerSentMeanwhile() throws Exception {
    Process first = workers.start("worker-a", 1, Duration.ofSeconds(1));
    String runId = parks.start(new ParkFlow.Begin("gale"));
    awaitTrue(() -> ledger.lines(runId).contains("ask:completed"));
    Thread sender;
    try (Connection lock = DriverManager.getConnection(url)) {
      lock.setAutoCommit(false);
      try (PreparedStatement select = lock.prepareStatement("SELECT 1 FROM " + schema
          + ".stepwise_holders WHERE run_id = ? FOR UPDATE")) {
        select.setString(1, runId);
        select.executeQuery().close();
      }
      awaitTrue(() -> parkWaitsForTheLock("stepwise:worker-a/")); // released from memory, parking
      TestWorkers.kill(first);
      sender = Thread.ofVirtual().start(() -> parks.send(runId, new ParkFlow.Reply("storm"))); // waits for the row too
      Thread.sleep(300);
      lock.rollback();
    }
    sender.join();
    assertTrue(!parked(runId, 0), "the park never committed");
    Process second = workers.start("worker-b", 1, Duration.ZERO);

    awaitTrue(() -> ledger.lines(runId).contains("check:began"));
    parks.send(runId, new ParkFlow.Confirm("ahoy"));
    assertEquals(new ParkFlow.Answered("storm ahoy"), parks.result(runId, LIMIT));
    assertEquals(List.of("ask:began", "ask:completed", "check:began", "check:completed"), ledger.lines(runId));
    assertEquals(List.of(Long.toString(second.pid())), ledger.pids(runId, "check", "began"));
    assertEquals(0, generation(runId));
  }

  private boolean parkWaitsForTheLock(String applicationPrefix) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT 1 FROM pg_stat_activity WHERE"
            + " application_name LIKE ? AND wait_event_type = 'Lock' AND query LIKE '%stepwise_holders%FOR UPDATE%'")) {
      select.setString(1, applicationPrefix + "%");
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  @Test
  void aRunWithATimeoutIsNeverReleased() throws Exception {
    var askFlow = AskFlow_Workflow.of(new AskFlow(ledger));
    try (StepwiseDbos holder = TestWorkers.configure(url, schema).executorId("holder").idleRelease(Duration.ofMillis(200))
        .register(askFlow, 1).launch()) {
      DurableWorkflow<AskFlow.Begin, AskFlow.Answered> asks = holder.workflow(askFlow);
      String runId = asks.start(new AskFlow.Begin("sea"));
      awaitTrue(() -> ledger.lines(runId).contains("ask:completed"));
      Thread.sleep(1_500); // several idle periods: asked to let go, it refuses (it has a run timeout)
      assertTrue(!parked(runId, 0), "a run with a run timeout stays held");
      asks.send(runId, new AskFlow.Reply("waves", 0));
      assertEquals(new AskFlow.Answered("waves"), asks.result(runId, LIMIT));
      assertEquals(0, generation(runId));
    }
  }

  @Test
  void startRefusesRunIdsThatNameAWakeGeneration() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> parks.start(new ParkFlow.Begin("x"), "run-1#wake-2"));
    assertEquals("Run id 'run-1#wake-2' contains '#wake-', which names the DBOS workflows of runs woken after idle"
        + " release; choose an id without it", refused.getMessage());
  }

  private boolean parked(String runId, long generation) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + schema
            + ".stepwise_holders WHERE run_id = ? AND parked AND generation = ?")) {
      select.setString(1, runId);
      select.setLong(2, generation);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  private long generation(String runId) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT generation FROM " + schema
            + ".stepwise_holders WHERE run_id = ?")) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? rows.getLong(1) : -1;
      }
    }
  }

  private static void awaitTrue(Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + LIMIT);
      }
      Thread.sleep(50);
    }
  }
}
