package io.stepwise.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.StoredRun;
import io.stepwise.store.jdbc.JdbcRunStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability test: a child JVM runs a workflow with a SQLite store and is killed with
 * SIGKILL in the middle of the run; this process resumes the run from the store and gets the same
 * result as a run that was never interrupted.
 */
class KilledRunTest {
  private static final int STEPS = 12;
  private static final int HANG_AT = 7;

  @TempDir
  Path directory;

  @Test
  void runKilledMidwayResumesFromTheStoreWithTheSameResult() throws Exception {
    String url = "jdbc:sqlite:" + directory.resolve("runs.db");
    // Native access for sqlite-jdbc, as the test JVM has it (the root pom): no JDK 24+ warning.
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), CountingProcess.class.getName(),
        url, String.valueOf(STEPS), String.valueOf(HANG_AT))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String runId;
    RunStore store;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      runId = out.readLine().substring("run ".length());
      assertEquals("hanging at " + HANG_AT, out.readLine());
      store = JdbcRunStore.create(url);
      // The checkpoint of the step before the hang is written off the loop's thread: wait for it.
      // One checkpoint for the run's start, then one each for 'start' and HANG_AT executions of 'count'.
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
      while (store.load(runId).map(StoredRun::version).orElse(0L) < 2 + HANG_AT) {
        assertTrue(System.nanoTime() < deadline, "the child never saved its checkpoint before the hang");
        Thread.sleep(20);
      }
      child.destroyForcibly();
      child.waitFor();
    } finally {
      child.destroyForcibly();
    }
    assertEquals(137, child.exitValue(), "the child was killed by SIGKILL");
    StoredRun atKill = store.load(runId).orElseThrow();
    assertEquals(RunStatus.RUNNING, atKill.status());
    assertEquals(2 + HANG_AT, atKill.version());

    CountFlow.Counted resumed = CountFlow_Workflow.of(new CountFlow(-1)).resume(runId, store).result();

    CountFlow.Counted uninterrupted = CountFlow_Workflow.of(new CountFlow(-1)).run(new CountFlow.CountTo(STEPS)).result();
    assertEquals(uninterrupted, resumed);
    assertEquals(506, resumed.total());
    StoredRun finished = store.load(runId).orElseThrow();
    assertEquals(RunStatus.FINISHED, finished.status());
    assertTrue(finished.version() > atKill.version());
    assertEquals(Optional.of(finished), store.list(java.util.EnumSet.of(RunStatus.FINISHED)).stream().findFirst());
  }
}
