package io.stepwise.dbos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code connections(n)} bounds the connections a worker opens for Stepwise's tables, as PostgreSQL counts them. */
class ConnectionPoolTest {
  private static final int POOL = 2;
  private static final int RUNS = 24;

  @Test
  void workerHoldingManyRunsNeverOpensMoreThanItsPool() throws Exception {
    String url = TestDatabase.url();
    String schema = TestDatabase.freshSchema("dbos_pool");
    var countFlow = CountFlow_Workflow.of(new CountFlow());
    try (StepwiseDbos worker = TestWorkers.configure(url, schema).executorId("pool").connections(POOL)
        .register(countFlow, RUNS).launch()) {
      String applicationName = "stepwise:" + worker.executorId();
      AtomicBoolean sampling = new AtomicBoolean(true);
      AtomicInteger most = new AtomicInteger();
      Thread sampler = Thread.ofPlatform().start(() -> {
        try (Connection connection = DriverManager.getConnection(url);
            PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
          count.setString(1, applicationName);
          while (sampling.get()) {
            try (ResultSet rows = count.executeQuery()) {
              rows.next();
              most.accumulateAndGet(rows.getInt(1), Math::max);
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      DurableWorkflow<CountFlow.Begin, CountFlow.Counted> counts = worker.workflow(countFlow);
      List<String> runIds = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        runIds.add(counts.start(new CountFlow.Begin(20 + i)));
      }
      for (int i = 0; i < RUNS; i++) {
        assertEquals(new CountFlow.Counted(20 + i), counts.result(runIds.get(i), Duration.ofSeconds(120)));
      }
      sampling.set(false);
      sampler.join();
      System.out.println("ConnectionPoolTest: " + RUNS + " runs held at once, at most " + most.get()
          + " connections of " + applicationName + " open");
      assertTrue(most.get() >= 1, "the sampler saw the worker's connections");
      assertTrue(most.get() <= POOL, "at most " + POOL + " connections, saw " + most.get());
    }
  }
}
