package io.stepwise.benchmarks.store;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStatus;
import io.stepwise.store.jdbc.JdbcRunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Checkpoint saves per second of {@link JdbcRunStore}, with and without group commit, for 1 to
 * many runs saving at once: each run saves its next checkpoint (about 2 KB of JSON) as soon as
 * the last one returns, on its own platform thread, for a few seconds. The two modes alternate in
 * every round, each on a fresh table, so a disk whose speed drifts with other machines' load
 * shows in both. Prints lines {@code <metric> <value>}.
 *
 * <p>The store gets the JDBC URL (one connection per call), or for PostgreSQL with
 * {@code -Dpool=N} a pool of N connections, so that saves without group commit commit side by
 * side on their own connections instead of paying a connection's start each.
 *
 * <pre>
 * java -cp ... io.stepwise.benchmarks.store.CheckpointSaves
 *   -Dseconds=5 -Druns=1,16,64 -Drounds=3 -Ddatabase=jdbc:postgresql://... -Dpool=64   (default: a SQLite file)
 * </pre>
 */
public final class CheckpointSaves {
  private static final String PAD = "x".repeat(2_000);

  private CheckpointSaves() {}

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("seconds", 5);
    int rounds = Integer.getInteger("rounds", 3);
    int[] runCounts = Arrays.stream(System.getProperty("runs", "1,16,64").split(",")).mapToInt(Integer::parseInt)
        .toArray();
    Path dir = Files.createTempDirectory("stepwise-checkpoint-saves");
    String database = System.getProperty("database", "jdbc:sqlite:" + dir.resolve("saves.db"));
    int pool = Integer.getInteger("pool", 0);
    System.out.println("database " + (database.startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql"));
    System.out.println("pool " + pool);
    DataSource pooled = pool > 0 ? pool(database, pool) : null;
    measure(database, pooled, "warmup", true, 4, 2);
    measure(database, pooled, "warmup", false, 4, 2);
    for (int runs : runCounts) {
      for (int round = 1; round <= rounds; round++) {
        boolean groupFirst = round % 2 == 0;
        for (boolean group : groupFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
          double[] result = measure(database, pooled, "r" + round, group, runs, seconds);
          String key = "saves." + (group ? "group" : "single") + ".runs" + runs + ".round" + round;
          print(key + ".perSecond", result[0]);
          print(key + ".p50ms", result[1]);
          print(key + ".p99ms", result[2]);
        }
      }
    }
  }

  /**
   * Saves per second, p50 and p99 latency in ms. Checks that each run's stored version is the
   * number of saves it made, so a lost save cannot pass for a fast one.
   */
  static double[] measure(String database, DataSource pooled, String tag, boolean group, int runs,
      int seconds) throws Exception {
    String table = "saves_" + tag + "_" + (group ? "group" : "single") + "_" + runs + "_" + System.nanoTime() % 100_000;
    JdbcRunStore store = (pooled != null ? JdbcRunStore.builder(pooled) : JdbcRunStore.builder(database))
        .table(table).groupCommit(group).build();
    CountDownLatch start = new CountDownLatch(1);
    long[] deadline = new long[1];
    List<Future<long[]>> drivers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(runs)) {
      for (int r = 0; r < runs; r++) {
        String runId = "run-" + r;
        drivers.add(pool.submit(() -> {
          start.await();
          long[] latencies = new long[1 << 16];
          int count = 0;
          long version = 0;
          while (System.nanoTime() < deadline[0]) {
            long began = System.nanoTime();
            version = store.save(new Checkpoint(runId, "SaveFlow", "sha256:s", RunStatus.RUNNING,
                "{\"step\":" + (version + 1) + ",\"pad\":\"" + PAD + "\"}"), version).version();
            if (count == latencies.length) {
              latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - began;
          }
          return Arrays.copyOf(latencies, count);
        }));
      }
      long began = System.nanoTime();
      deadline[0] = began + seconds * 1_000_000_000L;
      start.countDown();
      List<Long> all = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        long[] latencies = drivers.get(r).get();
        long stored = store.load("run-" + r).map(run -> run.version()).orElse(0L);
        if (stored != latencies.length) {
          throw new IllegalStateException("run-" + r + " made " + latencies.length + " saves, the store holds version "
              + stored);
        }
        for (long latency : latencies) {
          all.add(latency);
        }
      }
      double elapsed = (System.nanoTime() - began) / 1e9;
      long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
      return new double[] {sorted.length / elapsed, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6};
    }
  }

  /** The PostgreSQL driver's own pool: no pool library in the benchmarks for one measurement. */
  @SuppressWarnings("deprecation")
  private static DataSource pool(String url, int size) {
    var pool = new org.postgresql.ds.PGPoolingDataSource();
    pool.setURL(url);
    pool.setMaxConnections(size);
    pool.setInitialConnections(size);
    return pool;
  }

  private static long percentile(long[] sorted, int p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static void print(String metric, double value) {
    System.out.println(metric + " " + String.format(Locale.ROOT, "%.2f", value));
  }
}
