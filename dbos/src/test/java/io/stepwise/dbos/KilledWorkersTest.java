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
 * Worker JVMs share many runs while workers are killed with SIGKILL at random moments and replaced
 * by new ones. Every run must end with its exact result and every step complete; a step may run
 * again only where the worker that ran it was killed (at most once per run a killed worker held,
 * so at most {@code kills × runsPerWorker} re-runs of each step); and no worker may drive more
 * than its {@code runsPerWorker} runs at once.
 *
 * <p>CI runs the short shape (3 workers, 60 runs, 3 kills). The issue's long shape is opt-in:
 * {@code -Dstepwise.dbos.killRuns=300 -Dstepwise.dbos.kills=10} (see docs/distributed.md).
 */
class KilledWorkersTest {
  private static final int WORKERS = 3;
  private static final int RUNS = Integer.getInteger("stepwise.dbos.killRuns", 60);
  private static final int KILLS = Integer.getInteger("stepwise.dbos.kills", 3);
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
    List<String> kills = new ArrayList<>();
    try (TestWorkers workers = new TestWorkers(url, schema);
        StepwiseDbos client = TestWorkers.configure(url, schema).executorId("client").holdRuns(false)
            .register(chainFlow).launch()) {
      List<Process> live = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<java.util.concurrent.CompletableFuture<Void>> replacements = new ArrayList<>();
      var starter = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
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
        Thread.sleep(500 + random.nextInt(1_500));
        // The victim is a worker with a step in flight, so every kill tests a re-run (on a loaded
        // machine a worker chosen blindly may not have started any step yet).
        Process victim = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (victim == null && System.nanoTime() < deadline) {
          Set<Long> running = ledger.pidsRunning("slow");
          List<Process> busy = live.stream().filter(process -> running.contains(process.pid())).toList();
          if (busy.isEmpty()) {
            Thread.sleep(50);
          } else {
            victim = busy.get(random.nextInt(busy.size()));
          }
        }
        assertTrue(victim != null, "no live worker ran a step within 60 s; live: " + live);
        live.remove(victim);
        killedPids.add(victim.pid());
        kills.add(victim.pid() + "@" + java.time.LocalTime.now());
        TestWorkers.kill(victim);
        // Replaced in the background: the next kill does not wait for a JVM to start.
        String name = "worker-" + (WORKERS + kill);
        replacements.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
          try {
            live.add(workers.start(name, RUNS_PER_WORKER));
          } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
          }
        }, starter));
      }
      long started = System.nanoTime();
      for (Map.Entry<String, Integer> run : expected.entrySet()) {
        assertEquals(new ChainFlow.Done(run.getValue()), chain.result(run.getKey(), Duration.ofSeconds(120)),
            run.getKey() + ": " + ledger.timeline(run.getKey()));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      for (var replacement : replacements) {
        replacement.get(60, java.util.concurrent.TimeUnit.SECONDS);
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
      System.out.printf("KilledWorkersTest: %d runs, %d kills (%s), all ended %.1f s after the last kill; %d step"
          + " executions run again, all on killed workers; %d by other workers%n", RUNS, KILLS, kills, seconds, reruns,
          unexplained.size());
      assertEquals(List.of(), unexplained, "steps that ran again though their worker was not killed");
      assertTrue(reruns <= 2L * KILLS * RUNS_PER_WORKER, "more re-runs (" + reruns + ") than the runs the killed"
          + " workers held could explain (" + KILLS + " kills × " + RUNS_PER_WORKER + " runs × 2 steps)");
      Map<Long, Integer> overlap = ledger.maxOverlapByJvm("slow");
      System.out.println("KilledWorkersTest: most 'slow' executions at once, by worker pid: " + overlap
          + "; killed: " + killedPids);
      assertTrue(overlap.values().stream().allMatch(most -> most <= RUNS_PER_WORKER),
          "a worker held more than " + RUNS_PER_WORKER + " runs at once: " + overlap + ", killed: " + killedPids);
      assertTrue(reruns > 0, "no kill landed while a step ran, so nothing was tested: make the steps longer");
    }
  }
}
