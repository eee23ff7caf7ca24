package io.stepwise.crashtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's short crash test: one trial of each shape per store, its first worker JVM killed with
 * {@code kill -9} at a random moment, resumed in new JVMs until the run ends, and every guarantee
 * of {@link TrialChecks} held. {@code crash-test/run.sh} runs the long version. The seed is random
 * and printed with any failure; {@code -Dcrash.seed=N} repeats a run's choices.
 */
@Timeout(240)
class KilledWorkersTest {
  private static final String PG_VARIABLE = "STEPWISE_TEST_PG_URL";

  @TempDir
  Path directory;

  @Test
  void sqliteRunsEndRightAfterKilledWorkers() throws InterruptedException {
    assertEveryGuaranteeHeld("sqlite:" + directory.resolve("sqlite").resolve("runs.db"));
  }

  @Test
  void postgresqlRunsEndRightAfterKilledWorkers() throws InterruptedException {
    String url = System.getenv(PG_VARIABLE);
    if (url == null || url.isBlank()) {
      String how = PG_VARIABLE + " is not set, so the PostgreSQL crash test cannot run. Start a throwaway server with"
          + " eval \"$(.ci/start-postgres)\" (stop it with .ci/stop-postgres), then run the tests again.";
      if (System.getenv("CI") != null) {
        fail(how);
      }
      Assumptions.abort(how);
    }
    assertEveryGuaranteeHeld(url);
  }

  private void assertEveryGuaranteeHeld(String storeUrl) throws InterruptedException {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    Plan plan = new Plan(Shapes.ALL.size(), 1, Duration.ofSeconds(20), true, Shapes.ALL, seed);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<TrialReport> reports = new Campaign(storeUrl, directory.resolve(StoreUrls.kind(storeUrl)), plan,
        new PrintStream(log, true, StandardCharsets.UTF_8)).run();
    String summary = "seed " + seed + "\n" + log.toString(StandardCharsets.UTF_8) + Summary.of(reports);
    System.out.println(summary);
    List<String> failures = reports.stream()
        .flatMap(r -> r.failures().stream().map(f -> r.name() + " (--trial " + r.shape() + ":" + r.seed() + "): " + f))
        .toList();
    assertEquals(List.of(), failures, summary);
    assertTrue(reports.stream().mapToLong(TrialReport::kills).sum() >= plan.killsPerStore(),
        () -> "fewer kills landed than planned; the test proved less than it claims:\n" + summary);
  }
}
