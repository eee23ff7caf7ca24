package io.stepwise.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.store.StaleRunException;
import io.stepwise.store.contract.TestPostgres;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL server, started by {@code .ci/start-postgres} (see {@link TestPostgres}). */
class PostgresGroupCommitTest extends GroupCommitContract {
  private final String table = "stepwise_batch_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);

  @Override
  @BeforeEach
  void openStore() {
    TestPostgres.requireServer();
    super.openStore();
  }

  @AfterEach
  void dropTable() throws Exception {
    if (TestPostgres.url() != null) {
      execute(List.of("DROP TABLE IF EXISTS " + table, "DROP FUNCTION IF EXISTS " + table + "_refuse()",
          "DROP FUNCTION IF EXISTS " + table + "_slow()"));
    }
  }

  @Override
  String url() {
    return TestPostgres.url();
  }

  @Override
  String table() {
    return table;
  }

  /**
   * Two stores (as two processes would) whose batches share runs: their rows are locked in one
   * order, so no batch fails with PostgreSQL's "deadlock detected"; the only refusals are stale
   * versions, and the stored version counts every save that succeeded.
   */
  @Test
  void twoStoresSavingTheSameRunsNeverDeadlock() throws Exception {
    JdbcRunStore first = JdbcRunStore.builder(url()).table(table()).build();
    JdbcRunStore second = JdbcRunStore.builder(url()).table(table()).build();
    List<String> runIds = List.of("r0", "r1", "r2", "r3");
    for (String runId : runIds) {
      store.save(checkpoint(runId, "{}"), 0);
    }
    // Each row written takes 5 ms, so a batch holds its first rows' locks while it writes the next.
    execute(List.of(
        "CREATE FUNCTION " + table + "_slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " PERFORM pg_sleep(0.005); RETURN NEW; END $$",
        "CREATE TRIGGER " + table + "_slow BEFORE UPDATE ON " + table + " FOR EACH ROW EXECUTE FUNCTION "
            + table + "_slow()"));
    AtomicLong written = new AtomicLong();
    AtomicLong stale = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    List<Future<?>> writers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(24)) {
      for (int w = 0; w < 24; w++) {
        JdbcRunStore writer = w % 2 == 0 ? first : second;
        int seed = w;
        writers.add(pool.submit(() -> {
          Random random = new Random(seed);
          Map<String, Long> versions = new HashMap<>();
          while (System.nanoTime() < deadline) {
            String runId = runIds.get(random.nextInt(runIds.size()));
            long version = versions.getOrDefault(runId, 1L);
            try {
              versions.put(runId, writer.save(checkpoint(runId, "{\"by\":" + seed + "}"), version).version());
              written.incrementAndGet();
            } catch (StaleRunException e) {
              versions.put(runId, e.actualVersion());
              stale.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> writer : writers) {
        writer.get(); // a deadlock would surface here as a RunStoreException
      }
    }
    long stored = 0;
    for (String runId : runIds) {
      stored += store.load(runId).orElseThrow().version() - 1;
    }
    assertEquals(written.get(), stored);
    assertTrue(stale.get() > 0 && written.get() > 0, written + " written, " + stale + " stale");
  }

  @Override
  List<String> refuseSnapshot(String table, String snapshot) {
    return List.of(
        "CREATE FUNCTION " + table + "_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
            + " IF NEW.snapshot = '" + snapshot + "' THEN RAISE EXCEPTION 'poisoned checkpoint'; END IF;"
            + " RETURN NEW; END $$",
        "CREATE TRIGGER " + table + "_refuse BEFORE INSERT OR UPDATE ON " + table
            + " FOR EACH ROW EXECUTE FUNCTION " + table + "_refuse()");
  }
}
