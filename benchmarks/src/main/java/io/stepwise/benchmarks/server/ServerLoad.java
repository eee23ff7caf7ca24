package io.stepwise.benchmarks.server;

import io.stepwise.server.WorkflowServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load on a real {@link WorkflowServer} over HTTP (JDK client, one virtual thread per client, the
 * server and its SQLite file in the same JVM and machine):
 *
 * <ul>
 *   <li>{@code run} — runs per second through {@code POST /workflows/echo/run} (start, run, wait,
 *       handler and events written to SQLite) with 1, 100 and 1,000 clients each sending its next
 *       request as soon as the last one is answered; with latency percentiles;
 *   <li>{@code sse} — the delay from a step's {@code writeEventToStream} to the SSE client reading
 *       the event, with 1, 100 and 1,000 clients each streaming its own run;
 *   <li>{@code memory} — heap retained per idle paused run held by the server, before and after
 *       the idle release.
 * </ul>
 *
 * <p>Not JMH: its unit is one operation on one thread, repeated; here the quantities are a rate
 * under many concurrent clients, a latency distribution over connections that stay open, and a
 * size. Prints lines {@code <metric> <value>} for {@code run.sh}.
 */
public final class ServerLoad {
  private static final Pattern STAMP = Pattern.compile("\"writtenNanos\":(\\d+)");

  private ServerLoad() {}

  public static void main(String[] args) throws Exception {
    List<String> what = args.length == 0 ? List.of("run", "sse", "memory") : Arrays.asList(args);
    int seconds = Integer.getInteger("seconds", 10);
    int[] clients = Arrays.stream(System.getProperty("clients", "1,100,1000").split(",")).mapToInt(Integer::parseInt)
        .toArray();
    Path dir = Files.createTempDirectory("stepwise-server-load");
    if (what.contains("run") || what.contains("sse")) {
      String database = System.getProperty("database", "jdbc:sqlite:" + dir.resolve("load.db"));
      System.out.println("database " + (database.startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql"));
      try (WorkflowServer server = server(database, Duration.ofMinutes(10)).start()) {
        var base = URI.create("http://127.0.0.1:" + server.port());
        HttpClient http = client();
        if (what.contains("run")) {
          runs(http, base, 16, 3); // warm-up
          for (int c : clients) {
            Result r = runs(http, base, c, seconds);
            print("run.c" + c + ".runsPerSecond", r.perSecond());
            print("run.c" + c + ".p50ms", r.percentileMillis(50));
            print("run.c" + c + ".p99ms", r.percentileMillis(99));
          }
        }
        if (what.contains("sse")) {
          streams(http, base, 8, 20); // warm-up
          for (int c : clients) {
            long[] delays = streams(http, base, c, 20);
            print("sse.c" + c + ".p50ms", percentile(delays, 50) / 1e6);
            print("sse.c" + c + ".p99ms", percentile(delays, 99) / 1e6);
            print("sse.c" + c + ".maxms", delays[delays.length - 1] / 1e6);
          }
        }
      }
    }
    if (what.contains("memory")) {
      memory(dir, Integer.getInteger("pausedRuns", 2_000));
    }
  }

  private static WorkflowServer server(String database, Duration idleRelease) {
    return WorkflowServer.builder()
        .port(0)
        .database(database)
        .idleRelease(idleRelease)
        .heartbeat(Duration.ofMillis(200)) // a client that hung up is noticed at the next heartbeat
        .workflow(ServedFlows.Echo.class, new ServedFlows.Echo())
        .workflow(ServedFlows.Stamps.class, new ServedFlows.Stamps())
        .workflow(ServedFlows.Paused.class, new ServedFlows.Paused())
        .build();
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
        .connectTimeout(Duration.ofSeconds(30)).version(HttpClient.Version.HTTP_1_1).build();
  }

  private static void print(String metric, double value) {
    System.out.println(metric + " " + String.format(Locale.ROOT, "%.2f", value));
  }

  /** Completed runs and their latencies. */
  private record Result(long completed, long[] latencies, double seconds) {
    double perSecond() {
      return completed / seconds;
    }

    double percentileMillis(int p) {
      return percentile(latencies, p) / 1e6;
    }
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return -1;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /**
   * {@code clients} clients call {@code POST /workflows/echo/run} back to back for {@code seconds},
   * then finish the request they have in flight.
   */
  private static Result runs(HttpClient http, URI base, int clients, int seconds) throws InterruptedException {
    var stop = new AtomicBoolean();
    var completed = new AtomicLong();
    var failed = new AtomicLong();
    List<long[]> perClient = new ArrayList<>();
    var done = new CountDownLatch(clients);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long[][] mine = {new long[1024]};
      int[] n = {0};
      int client = c;
      threads.add(Thread.ofVirtual().start(() -> {
        try {
          int i = 0;
          while (!stop.get()) {
            var request = HttpRequest.newBuilder(base.resolve("/workflows/echo/run"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"start_event\": {\"text\": \"c" + client + "-" + i++
                    + "\"}}")).build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long t = System.nanoTime() - t0;
            if (response.statusCode() != 200 || !response.body().contains("\"status\":\"completed\"")) {
              failed.incrementAndGet();
              continue;
            }
            completed.incrementAndGet();
            if (n[0] == mine[0].length) {
              mine[0] = Arrays.copyOf(mine[0], n[0] * 2);
            }
            mine[0][n[0]++] = t;
          }
        } catch (IOException | InterruptedException e) {
          failed.incrementAndGet();
        } finally {
          synchronized (perClient) {
            perClient.add(Arrays.copyOf(mine[0], n[0]));
          }
          done.countDown();
        }
      }));
    }
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    // A closed loop: every client finishes the request it has in flight, which counts, and the rate
    // is over the time until the last one is answered (with 1,000 clients one request each may
    // take longer than the window).
    done.await();
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (failed.get() > 0) {
      System.err.println("run with " + clients + " clients: " + failed.get() + " requests failed");
    }
    long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(completed.get(), all, elapsed);
  }

  /**
   * {@code clients} clients each start a {@code stamps} run, stream it over SSE, say go once they
   * read its question, and record for each stamped event the time from its write to its reading.
   */
  private static long[] streams(HttpClient http, URI base, int clients, int stampsPerRun) throws Exception {
    List<long[]> perClient = new ArrayList<>();
    var failed = new AtomicLong();
    var done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      Thread.ofVirtual().start(() -> {
        long[] mine = new long[stampsPerRun];
        int n = 0;
        try {
          HttpResponse<String> started = http.send(HttpRequest.newBuilder(base.resolve("/workflows/stamps/run-nowait"))
              .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"start_event\": {\"count\": " + stampsPerRun + "}}")).build(),
              HttpResponse.BodyHandlers.ofString());
          Matcher id = Pattern.compile("\"handler_id\":\"([^\"]+)\"").matcher(started.body());
          if (!id.find()) {
            throw new IllegalStateException("no handler: " + started.body());
          }
          String handler = id.group(1);
          HttpResponse<Stream<String>> sse = http.send(HttpRequest.newBuilder(
              base.resolve("/events/" + handler + "?after_sequence=-1")).GET().build(),
              HttpResponse.BodyHandlers.ofLines());
          try (Stream<String> lines = sse.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
              if (!line.startsWith("data: ")) {
                continue;
              }
              long now = System.nanoTime();
              Matcher stamp = STAMP.matcher(line);
              if (stamp.find()) {
                mine[n++] = now - Long.parseLong(stamp.group(1));
              } else if (line.contains("\"type\":\"Ready\"")) {
                http.send(HttpRequest.newBuilder(base.resolve("/events/" + handler))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"event\": {\"type\": \"Go\", \"value\": {\"count\": "
                        + stampsPerRun + "}}}")).build(), HttpResponse.BodyHandlers.ofString());
              }
            }
          }
          if (n != stampsPerRun) {
            failed.incrementAndGet();
          }
        } catch (Exception e) {
          failed.incrementAndGet();
        } finally {
          synchronized (perClient) {
            perClient.add(Arrays.copyOf(mine, n));
          }
          done.countDown();
        }
      });
    }
    done.await();
    if (failed.get() > 0) {
      System.err.println("sse with " + clients + " clients: " + failed.get() + " clients missed events or failed");
    }
    return perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
  }

  /**
   * Heap retained per idle paused run: {@code runs} runs that asked their question, held by a server
   * whose idle release is far away; then a server with a short idle release on the same database,
   * which resumes them all on start and releases them.
   */
  private static void memory(Path dir, int runs) throws Exception {
    String db = "jdbc:sqlite:" + dir.resolve("paused.db");
    HttpClient http = client();
    long baseline;
    long held;
    try (WorkflowServer server = server(db, Duration.ofHours(1)).start()) {
      var base = URI.create("http://127.0.0.1:" + server.port());
      startPaused(http, base, 200, "warm"); // load and initialise every class first
      for (int i = 0; i < 200; i++) {
        http.send(HttpRequest.newBuilder(base.resolve("/handlers/warm" + i + "/cancel?purge=true"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      }
      Thread.sleep(1000); // the streams the clients closed end at their next heartbeat
      baseline = retainedHeap();
      startPaused(http, base, runs, "idle");
      Thread.sleep(1000);
      held = retainedHeap();
      print("memory.pausedRuns", runs);
      print("memory.inMemoryBefore", server.runsInMemory());
      print("memory.bytesPerRunBeforeRelease", (held - baseline) / (double) runs);
    } // closing leaves the runs running in the database, as after a crash
    try (WorkflowServer server = server(db, Duration.ofMillis(200)).start()) {
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (server.runsInMemory() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      long released = retainedHeap();
      print("memory.inMemoryAfter", server.runsInMemory());
      print("memory.released", server.releasedRuns());
      print("memory.bytesPerRunAfterRelease", (released - baseline) / (double) runs);
    }
  }

  /** Starts runs and returns once each has published its question: they are idle. */
  private static void startPaused(HttpClient http, URI base, int runs, String prefix) throws Exception {
    var done = new CountDownLatch(runs);
    var failed = new AtomicLong();
    try (var pool = Executors.newFixedThreadPool(16, Thread.ofVirtual().factory())) {
      for (int i = 0; i < runs; i++) {
        String handler = prefix + i;
        int id = i;
        pool.submit(() -> {
          try {
            http.send(HttpRequest.newBuilder(base.resolve("/workflows/paused/run-nowait"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"handler_id\": \"" + handler + "\", \"start_event\": {\"id\": " + id + "}}")).build(),
                HttpResponse.BodyHandlers.ofString());
            var events = http.send(HttpRequest.newBuilder(base.resolve("/events/" + handler
                + "?after_sequence=-1")).GET().build(), HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = events.body()) {
              if (lines.filter(l -> l.contains("\"type\":\"Question\"")).findFirst().isEmpty()) {
                failed.incrementAndGet();
              }
            }
          } catch (Exception e) {
            failed.incrementAndGet();
          } finally {
            done.countDown();
          }
          return null;
        });
      }
      done.await();
    }
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " paused runs did not ask their question");
    }
  }

  private static long retainedHeap() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int round = 0; round < 4; round++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
