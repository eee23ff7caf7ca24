package io.stepwise.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark once, in-process and with small parameters, so a broken benchmark fails
 * the build; the numbers are not looked at. Real measurements come from {@code benchmarks/run.sh}.
 */
@Timeout(120)
class BenchmarksExecuteOnceTest {

  @Test
  void chainBenchmarkRuns() throws RunnerException {
    assertRanOnce(once(ChainBenchmark.class));
  }

  @Test
  void fanOutBenchmarkGathersEveryEvent() throws RunnerException {
    assertRanOnce(once(FanOutBenchmark.class).param("events", "100"));
  }

  @Test
  void concurrentRunsBenchmarkRuns() throws RunnerException {
    assertRanOnce(once(ConcurrentRunsBenchmark.class).param("runs", "20").param("blockMillis", "1"));
  }

  @Test
  void hitlCycleBenchmarkRuns() throws RunnerException {
    assertRanOnce(once(HitlCycleBenchmark.class));
  }

  @Test
  void snapshotSizeBenchmarkEncodesAndDecodesAQueuedRun() throws RunnerException {
    Collection<RunResult> results = new Runner(once(SnapshotSizeBenchmark.class).param("queued", "50").build()).run();

    assertEquals(2, results.size(), "encode and decode");
    results.forEach(result -> assertTrue(result.getPrimaryResult().getSampleCount() > 0));
    assertTrue(SnapshotSizeBenchmark.snapshotBytes(50) > 50 * 40);
  }

  @Test
  void compileBenchmarkCompilesTheGeneratedWorkflowWithAndWithoutTheProcessor() throws RunnerException {
    Collection<RunResult> results = new Runner(once(CompileBenchmark.class).param("steps", "5").build()).run();

    assertEquals(2, results.size(), "one result per processor setting");
    results.forEach(result -> assertTrue(result.getPrimaryResult().getSampleCount() > 0));
  }

  @Test
  void pausedRunFootprintMeasuresAPositiveSize() throws InterruptedException {
    assertTrue(PausedRunFootprint.bytesPerRun(50) > 0);
  }

  @Test
  void coldStartLauncherTimesAFreshJvm() throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), ColdStartMain.class.getName());

    double[] millis = ColdStartLauncher.measure(1, command);

    assertEquals(1, millis.length);
    assertTrue(millis[0] > 0);
  }

  private static ChainedOptionsBuilder once(Class<?> benchmark) {
    return new OptionsBuilder()
        .include(benchmark.getName() + "\\.")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(1))
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT);
  }

  private static void assertRanOnce(ChainedOptionsBuilder options) throws RunnerException {
    Collection<RunResult> results = new Runner(options.build()).run();
    assertEquals(1, results.size());
    assertTrue(results.iterator().next().getPrimaryResult().getSampleCount() > 0);
  }
}
