package io.stepwise.dbos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Worker JVMs for the tests, started with the test's class path and killed with SIGKILL. */
final class TestWorkers implements AutoCloseable {
  /**
   * Short leases, so a dead worker's runs are taken over within about ten seconds; not shorter, since on
   * a loaded machine a live JVM can miss heartbeats for a second or more, and a lease taken from a
   * live worker makes its step in flight run twice.
   */
  static final Duration HEARTBEAT = Duration.ofMillis(250);
  static final Duration LEASE = Duration.ofSeconds(8);

  private final String url;
  private final String schema;
  private final List<Process> processes = java.util.Collections.synchronizedList(new ArrayList<>());

  TestWorkers(String url, String schema) {
    this.url = url;
    this.schema = schema;
  }

  static StepwiseDbos.Builder configure(String url, String schema) {
    return StepwiseDbos.builder().postgres(url, null, null).schema(schema).appVersion("stepwise-dbos-tests")
        .leases(HEARTBEAT, LEASE).queuePolling(Duration.ofMillis(100));
  }

  /** Starts a worker JVM, idle release off, and waits until it reports ready. */
  Process start(String executorId, int runsPerWorker) throws Exception {
    return start(executorId, runsPerWorker, Duration.ZERO);
  }

  /** Starts a worker JVM that releases runs idle for {@code idleRelease}, and waits until it reports ready. */
  Process start(String executorId, int runsPerWorker, Duration idleRelease) throws Exception {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-Dorg.slf4j.simpleLogger.log.dev.dbos=" + System.getProperty("stepwise.dbos.log", "warn"),
        "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(),
        url, schema, executorId, Integer.toString(runsPerWorker), Long.toString(idleRelease.toMillis()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    processes.add(process);
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread.ofPlatform().daemon().start(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("ready ")) {
            ready.complete(null);
          } else if (System.getenv("STEPWISE_DBOS_TEST_VERBOSE") != null) {
            System.out.println("[" + executorId + "] " + line);
          }
        }
      } catch (IOException e) {
        // the pipe breaks when the JVM is killed
      }
      ready.completeExceptionally(new IllegalStateException("worker " + executorId + " ended before it was ready"));
    });
    ready.get(60, TimeUnit.SECONDS);
    return process;
  }

  /** kill -9. */
  static void kill(Process process) throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    for (Process process : List.copyOf(processes)) {
      kill(process);
    }
  }
}
