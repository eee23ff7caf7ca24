package io.stepwise.dbos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long an answer takes to reach a run held by a worker JVM, and one parked by idle release
 * (woken: queued, taken, claimed, resumed): from {@code send} to the ledger line of the step it
 * starts, per run, sequentially. Not a test; run with the module's test class path:
 * {@code java -cp ... io.stepwise.dbos.WakeLatency <jdbc-url> [runs]}.
 */
public final class WakeLatency {
  private WakeLatency() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 12;
    for (long idle : new long[] {0, 300}) {
      String schema = TestDatabaseSchemas.fresh(url, "dbos_wake_" + idle);
      Ledger ledger = new Ledger(url, schema);
      ledger.create();
      var parkFlow = ParkFlow_Workflow.of(new ParkFlow(ledger));
      try (TestWorkers workers = new TestWorkers(url, schema);
          StepwiseDbos client = TestWorkers.configure(url, schema).executorId("client").holdRuns(false)
              .register(parkFlow).launch()) {
        var parks = client.workflow(parkFlow);
        workers.start("worker-a", 4, Duration.ofMillis(idle));
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          String runId = parks.start(new ParkFlow.Begin("t"));
          while (!ledger.lines(runId).contains("ask:completed")) {
            Thread.sleep(5);
          }
          if (idle > 0) {
            while (!parked(url, schema, runId)) {
              Thread.sleep(5);
            }
          } else {
            Thread.sleep(400); // its waiting checkpoint is saved
          }
          long begin = System.nanoTime();
          parks.send(runId, new ParkFlow.Reply("r"));
          while (!ledger.lines(runId).contains("check:began")) {
            Thread.sleep(2);
          }
          micros.add((System.nanoTime() - begin) / 1000);
          parks.cancel(runId);
        }
        micros.sort(null);
        System.out.printf("%s: send to step began, ms: median %.0f, min %.0f, max %.0f%n",
            idle == 0 ? "held" : "parked", micros.get(runs / 2) / 1000.0, micros.getFirst() / 1000.0,
            micros.getLast() / 1000.0);
      }
    }
    System.exit(0);
  }

  private static boolean parked(String url, String schema, String runId) throws Exception {
    try (Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + schema
            + ".stepwise_holders WHERE run_id = ? AND parked")) {
      select.setString(1, runId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }
}
