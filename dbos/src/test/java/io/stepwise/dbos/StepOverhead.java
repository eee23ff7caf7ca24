package io.stepwise.dbos;

import io.stepwise.CompiledWorkflow;
import io.stepwise.RunOptions;
import io.stepwise.store.jdbc.JdbcRunStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the cost of a step on DBOS against the in-memory runtime and against checkpointing to
 * {@link JdbcRunStore} on the same PostgreSQL: sequential runs of a 10-step chain, after a warm-up.
 * A measurement, not a test: {@code java -cp ... io.stepwise.dbos.StepOverhead <jdbc-url> [runs]}.
 */
public final class StepOverhead {
  private static final int STEPS = 10;
  private static final int LONG = 40;

  private StepOverhead() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    String schema = TestDatabaseSchemas.fresh(url, "dbos_overhead");
    CompiledWorkflow<CountFlow.Begin, CountFlow.Counted> flow = CountFlow_Workflow.of(new CountFlow());

    marginal("in memory", runs, steps -> flow.run(new CountFlow.Begin(steps)).result());

    // Pooled: without a pool every save opens a connection, which costs ~70 ms on this machine.
    com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setMaximumPoolSize(4);
    JdbcRunStore store = JdbcRunStore.create(pool);
    marginal("JdbcRunStore (PostgreSQL, pooled)", runs, steps -> flow.run(new CountFlow.Begin(steps),
        RunOptions.builder().runStore(store).build()).result());

    try (StepwiseDbos worker = StepwiseDbos.builder().postgres(url, null, null).schema(schema)
        .queuePolling(Duration.ofMillis(50)).register(flow, 16).launch()) {
      DurableWorkflow<CountFlow.Begin, CountFlow.Counted> durable = worker.workflow(flow);
      marginal("DBOS (1 worker, start to result)", runs / 2,
          steps -> durable.result(durable.start(new CountFlow.Begin(steps)), Duration.ofSeconds(60)));
      // Throughput: many runs queued at once, 16 held at a time by this one worker.
      int batch = runs;
      long start = System.nanoTime();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < batch; i++) {
        ids.add(durable.start(new CountFlow.Begin(STEPS)));
      }
      for (String id : ids) {
        durable.result(id, Duration.ofSeconds(120));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("%-40s %d runs in %.2f s: %.1f runs/s%n", "DBOS (1 worker, 16 slots, throughput)", batch,
          seconds, batch / seconds);
    }
    pool.close();
  }

  private interface Run {
    Object run(int steps) throws Exception;
  }

  /** Runs chains of {@value #STEPS} and of {@value #LONG} steps: the difference is the cost of the extra steps. */
  private static void marginal(String what, int runs, Run run) throws Exception {
    double shortRun = perRunMicros(runs, STEPS, run);
    double longRun = perRunMicros(runs, LONG, run);
    double perStep = (longRun - shortRun) / (LONG - STEPS);
    System.out.printf("%-36s %9.1f us per %d-step run, %9.1f us per %d-step run: %8.1f us per step,"
        + " %9.1f us per run besides%n", what, shortRun, STEPS, longRun, LONG, perStep, shortRun - perStep * STEPS);
  }

  private static double perRunMicros(int runs, int steps, Run run) throws Exception {
    for (int i = 0; i < Math.max(5, runs / 5); i++) {
      run.run(steps); // warm-up
    }
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      run.run(steps);
    }
    return (System.nanoTime() - start) / 1e3 / runs;
  }
}
