package io.stepwise.dbos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs per second of a pool of 1, 2 and 3 worker JVMs (forked like the tests' workers) sharing one
 * PostgreSQL: a process that holds no runs queues a batch of {@link CountFlow} runs of 10 steps at
 * once and waits for every result; the time from the first start to the last result gives the rate.
 * A measurement, not a test:
 * {@code java -cp ... io.stepwise.dbos.WorkerThroughput <jdbc-url> [runs] [runsPerWorker] [workers...]}.
 */
public final class WorkerThroughput {
  private static final int STEPS = 10;

  private WorkerThroughput() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int runsPerWorker = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    List<Integer> pools = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      pools.add(Integer.parseInt(args[i]));
    }
    if (pools.isEmpty()) {
      pools = List.of(1, 2, 3);
    }
    var flow = CountFlow_Workflow.of(new CountFlow());
    for (int size : pools) {
      String schema = TestDatabaseSchemas.fresh(url, "dbos_throughput_" + size);
      try (TestWorkers workers = new TestWorkers(url, schema);
          StepwiseDbos client = TestWorkers.configure(url, schema).executorId("client").holdRuns(false)
              .register(flow).launch()) {
        for (int i = 0; i < size; i++) {
          workers.start("worker-" + i, runsPerWorker);
        }
        DurableWorkflow<CountFlow.Begin, CountFlow.Counted> durable = client.workflow(flow);
        batch(durable, Math.max(20, runs / 5)); // warm-up: JIT of the workers, DBOS's pools
        long start = System.nanoTime();
        batch(durable, runs);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d worker JVM(s), %d slots each: %d runs of %d steps in %.2f s: %.1f runs/s%n", size,
            runsPerWorker, runs, STEPS, seconds, runs / seconds);
      }
    }
  }

  private static void batch(DurableWorkflow<CountFlow.Begin, CountFlow.Counted> durable, int runs) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      ids.add(durable.start(new CountFlow.Begin(STEPS)));
    }
    for (String id : ids) {
      CountFlow.Counted counted = durable.result(id, Duration.ofSeconds(300));
      if (counted.n() != STEPS) {
        throw new IllegalStateException("run " + id + " counted " + counted.n() + ", not " + STEPS);
      }
    }
  }
}
