package io.stepwise.dbos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Three worker JVMs share many runs while workers are killed with SIGKILL at random moments and
 * replaced by new ones. Every run must end with its exact result; a step may run twice only when
 * the worker that ran it first was killed; no step runs more than once otherwise. And a worker
 * holds at most its {@code runsPerWorker} runs at once (the DBOS queue's worker concurrency).
 */
class KilledWorkersTest {
  private static final int WORKERS = 3;
  private static final int RUNS = 60;
  private static final int KILLS = 3;
  private static final int RUNS_PER_WORKER = 4;

  @Test
  void runsSurviveKilledWorkersWithoutLossOrDuplicateSteps() throws Exception {
    String url = TestDatabase.url();
    String schema = TestDatabase.freshSchema("dbos_killed");
    Ledger ledger = new Ledger(url, schema);
    ledger.create();
    var chainFlow = ChainFlow_Workflow.of(new ChainFlow(ledger));
    Random random = new Random(42);
    Set<Long> killedPids = new HashSet<>();
    try (TestWorkers workers = new TestWorkers(url, schema);
        StepwiseDbos client = TestWorkers.configure(url, schema).executorId("client").holdRuns(false)
            .register(chainFlow).launch()) {
      List<Process> live = new ArrayList<>();
      for (int i = 0; i < WORKERS; i++) {
        live.add(workers.start("worker-" + i, RUNS_PER_WORKER));
      }
      DurableWorkflow<ChainFlow.Go, ChainFlow.Done> chain = client.workflow(chainFlow);
      Map<String, Integer> expected = new HashMap<>();
      for (int i = 0; i < RUNS; i++) {
        String runId = chain.start(new ChainFlow.Go(i, 200 + random.nextInt(600)));
        expected.put(runId, (i + 1) * 10);
      }
      for (int kill = 0; kill < KILLS; kill++) {
        Thread.sleep(1_500 + random.nextInt(1_500));
        Process victim = live.remove(random.nextInt(live.size()));
        killedPids.add(victim.pid());
        TestWorkers.kill(victim);
        live.add(workers.start("worker-" + (WORKERS + kill), RUNS_PER_WORKER));
      }
      for (Map.Entry<String, Integer> run : expected.entrySet()) {
        assertEquals(new ChainFlow.Done(run.getValue()), chain.result(run.getKey(), Duration.ofSeconds(120)),
            run.getKey());
      }
      int reruns = 0;
      for (String runId : expected.keySet()) {
        for (String step : List.of("first", "slow")) {
          List<String> began = ledger.pids(runId, step, "began");
          assertTrue(!began.isEmpty(), runId + " " + step + " never ran");
          // Every execution but the last was cut short by a kill (or completed just before one, unsaved).
          for (String pid : began.subList(0, began.size() - 1)) {
            assertTrue(killedPids.contains(Long.parseLong(pid)), runId + " " + step + " ran again though its"
                + " worker " + pid + " was not killed: " + ledger.lines(runId));
          }
          reruns += began.size() - 1;
          List<String> completed = ledger.pids(runId, step, "completed");
          assertTrue(completed.contains(began.get(began.size() - 1)), runId + " " + step + ": " + ledger.lines(runId));
        }
      }
      System.out.println("KilledWorkersTest: " + RUNS + " runs, " + KILLS + " kills, " + reruns
          + " step executions run again after a kill");
      assertTrue(ledger.maxOverlapPerJvm("slow") <= RUNS_PER_WORKER,
          "a worker held more than " + RUNS_PER_WORKER + " runs at once");
    }
  }
}
