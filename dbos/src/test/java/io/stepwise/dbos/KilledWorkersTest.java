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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Three worker JVMs share many runs while workers are killed with SIGKILL at random moments and
 * replaced by new ones. Every run must end with its exact result, and every step complete. With
 * {@code -Dstepwise.dbos.strict=true} it also requires what does not always hold yet (see
 * docs/distributed.md, "Known problem"): that a step runs again only where its worker was killed,
 * and that no worker holds more than its {@code runsPerWorker} runs at once; without it, it prints
 * what it saw of both.
 *
 * <p>Opt-in ({@code -Dstepwise.dbos.stress=true}) while it fails: on a fresh CI machine one run of
 * the 60 never ended (docs/distributed.md, "Known problem"; issue 14 stays open until this test
 * passes every time and runs in CI again).
 */
class KilledWorkersTest {
  private static final int WORKERS = 3;
  private static final int RUNS = 60;
  private static final int KILLS = 3;
  private static final int RUNS_PER_WORKER = 4;

  @Test
  void runsSurviveKilledWorkersWithoutLossOrDuplicateSteps() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("stepwise.dbos.stress"), "KilledWorkersTest fails today (a run can hang or"
        + " run twice on DBOS under worker kills: docs/distributed.md, Known problem); run it with"
        + " -Dstepwise.dbos.stress=true");
    String url = TestDatabase.url();
    String schema = TestDatabase.freshSchema("dbos_killed");
    Ledger ledger = new Ledger(url, schema);
    ledger.create();
    var chainFlow = ChainFlow_Workflow.of(new ChainFlow(ledger));
    Random random = new Random(42);
    Set<Long> killedPids = new HashSet<>();
    List<String> kills = new ArrayList<>();
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
        String runId = chain.start(new ChainFlow.Go(i, 1_000 + random.nextInt(2_000)));
        expected.put(runId, (i + 1) * 10);
      }
      for (int kill = 0; kill < KILLS; kill++) {
        Thread.sleep(1_500 + random.nextInt(1_500));
        Process victim = live.remove(random.nextInt(live.size()));
        killedPids.add(victim.pid());
        kills.add(victim.pid() + "@" + java.time.LocalTime.now());
        TestWorkers.kill(victim);
        live.add(workers.start("worker-" + (WORKERS + kill), RUNS_PER_WORKER));
      }
      for (Map.Entry<String, Integer> run : expected.entrySet()) {
        assertEquals(new ChainFlow.Done(run.getValue()), chain.result(run.getKey(), Duration.ofSeconds(120)),
            run.getKey());
      }
      int reruns = 0;
      List<String> unexplained = new ArrayList<>();
      for (String runId : expected.keySet()) {
        for (String step : List.of("first", "slow")) {
          List<String> began = ledger.pids(runId, step, "began");
          assertTrue(!began.isEmpty(), runId + " " + step + " never ran");
          // Every execution but the last should have been cut short by a kill (or completed just
          // before one, unsaved). See docs/distributed.md, "Known problem": some are not.
          for (String pid : began.subList(0, began.size() - 1)) {
            if (!killedPids.contains(Long.parseLong(pid))) {
              unexplained.add(runId + " " + step + ": " + ledger.timeline(runId));
            }
          }
          reruns += began.size() - 1;
          List<String> completed = ledger.pids(runId, step, "completed");
          assertTrue(completed.contains(began.get(began.size() - 1)), runId + " " + step + ": " + ledger.lines(runId));
        }
      }
      System.out.println("KilledWorkersTest: " + RUNS + " runs, " + KILLS + " kills (" + kills + "), " + reruns
          + " step executions run again, " + unexplained.size() + " of them though their worker was not killed: "
          + unexplained);
      if (Boolean.getBoolean("stepwise.dbos.strict")) {
        assertEquals(List.of(), unexplained, "steps that ran again though their worker was not killed");
      }
      Map<Long, Integer> overlap = ledger.maxOverlapByJvm("slow");
      System.out.println("KilledWorkersTest: most 'slow' executions at once, by worker pid: " + overlap
          + "; killed: " + killedPids);
      if (Boolean.getBoolean("stepwise.dbos.strict")) {
        assertTrue(overlap.values().stream().allMatch(most -> most <= RUNS_PER_WORKER),
            "a worker held more than " + RUNS_PER_WORKER + " runs at once: " + overlap + ", killed: " + killedPids);
      }
      assertTrue(reruns > 0, "no kill landed while a step ran, so nothing was tested: make the steps longer");
    }
  }
}
