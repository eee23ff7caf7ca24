package io.stepwise.samples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow;
import io.stepwise.samples.guide.hitl.PausableMain;
import io.stepwise.samples.guide.serialize.ArticleFlow;
import io.stepwise.samples.guide.serialize.ArticleFlow_Workflow;
import io.stepwise.samples.guide.serialize.SerializeMain;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.jdbc.JdbcRunStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The guide's ports that need snapshots and run stores: 2.2.d serializing the context, 3.1 across processes. */
@Timeout(120)
class DurablePortsTest {
  private static final ArticleFlow.Published TEA = new ArticleFlow.Published("All about tea",
      List.of("outlined tea", "drafted tea", "published tea"));

  @TempDir
  Path directory;

  private static List<String> checkpointsOfOneRun() {
    List<String> saved = new CopyOnWriteArrayList<>();
    ArticleFlow.Published result = ArticleFlow_Workflow.of(new ArticleFlow())
        .run(new ArticleFlow.Begin("tea"), RunOptions.defaults().withCheckpoints(s -> saved.add(s.toJson()))).result();
    assertEquals(TEA, result);
    return saved;
  }

  @Test
  void aContextSerializedAfterEachStepRestoresIntoAFreshWorkflowThatRunsOnlyTheRest() {
    List<String> saved = checkpointsOfOneRun();
    assertEquals(2, saved.size()); // after outline and draft; the last step ends the run
    // The draft step may have set its field already: it is in flight at this checkpoint, and runs again on resume.
    assertTrue(saved.get(0).contains("\"state\":{\"outline\":\"outlined tea\",\"draft\":"), saved.get(0));

    ArticleFlow afterOutline = new ArticleFlow();
    ArticleFlow afterDraft = new ArticleFlow();

    assertEquals(TEA, ArticleFlow_Workflow.of(afterOutline).resume(Snapshot.fromJson(saved.get(0))).result());
    assertEquals(TEA, ArticleFlow_Workflow.of(afterDraft).resume(Snapshot.fromJson(saved.get(1))).result());
    assertEquals(2, afterOutline.stepsRun());
    assertEquals(1, afterDraft.stepsRun());
  }

  @Test
  void theSerializeSamplePrintsTheFirstCheckpointAndTheRestoredResult() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SerializeMain.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(out.startsWith("run: " + TEA + "\n2 checkpoints saved as JSON; the first, taken after 'outline':\n"
        + "{\"format\":1,\"workflow\":\"guide-serialize\","), out);
    assertTrue(out.endsWith("restored from it: " + TEA + "\n"
        + "steps the restored workflow ran: 2 ('outline' was in the snapshot already)\n"), out);
  }

  @Test
  void aRunStartedInAChildJvmThatExitedIsAnsweredFromTheStoreHere() throws Exception {
    String db = directory.resolve("runs.db").toString();
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        PausableMain.class.getName(), "start", db)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String runId;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("asked: Enter a number: ", out.readLine());
      String line = out.readLine();
      assertTrue(line.matches("run [0-9a-f-]{36} is waiting in the store"), line);
      runId = line.substring("run ".length(), line.indexOf(' ', "run ".length()));
    }
    assertEquals(0, child.waitFor(), "the child exits once the run waits in the store");
    RunStore store = JdbcRunStore.create("jdbc:sqlite:" + db);
    assertEquals(RunStatus.WAITING, store.load(runId).orElseThrow().status());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HumanInTheLoopFlow.Answered result = PausableMain.answer(store, runId, "42",
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertEquals(new HumanInTheLoopFlow.Answered("42"), result);
    assertEquals("answered 42; result: 42\n", bytes.toString(StandardCharsets.UTF_8));
    assertEquals(RunStatus.FINISHED, store.load(runId).orElseThrow().status());
  }

  @Test
  void theDurableHitlSampleRunsBothHalvesInOneJvm() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PausableMain.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(out.matches("asked: Enter a number: \nrun [0-9a-f-]{36} is waiting in the store\n"
        + "\\(the first process would exit here; a later one opens the store and answers\\)\n"
        + "answered 42; result: 42\n"), out);
  }
}
