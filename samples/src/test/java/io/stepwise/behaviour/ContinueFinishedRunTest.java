package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.CompiledWorkflow;
import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.SnapshotFlows.Answer;
import io.stepwise.behaviour.SnapshotFlows.Answered;
import io.stepwise.behaviour.SnapshotFlows.AskNumber;
import io.stepwise.behaviour.SnapshotFlows.Begin;
import io.stepwise.behaviour.SnapshotFlows.Counts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished run's snapshot (Python's {@code ctx.to_dict()} after the run) holds its state and store,
 * and a new run continues from it, in this process or another ({@code run(ctx=Context.from_dict(...))}).
 */
class ContinueFinishedRunTest {
  private static final List<String> FIRST_NOTES = List.of("asked about pirates", "answered 42 on pirates");

  @TempDir
  Path directory;

  private static WorkflowHandler<Answered> answered(CompiledWorkflow<Begin, Answered> workflow, String topic,
      String answer, RunOptions options) {
    WorkflowHandler<Answered> run = workflow.run(new Begin(topic), options);
    // Answered once asked: the answer step reads the topic the ask step stores.
    assertEquals(new AskNumber("Enter a number: "), run.events().findFirst().orElseThrow());
    run.sendEvent(new Answer(answer));
    return run;
  }

  private static CompiledWorkflow<Begin, Answered> fresh() {
    return SnapshotFlows_HitlFlow_Workflow.of(new SnapshotFlows.HitlFlow(new Counts()));
  }

  @Test
  void aFinishedRunsSnapshotHoldsStateAndStoreAndNothingInFlight() {
    WorkflowHandler<Answered> first = answered(fresh(), "pirates", "42", RunOptions.defaults());
    assertEquals(new Answered("42", FIRST_NOTES), first.result());

    Snapshot snapshot = first.snapshot();
    assertTrue(snapshot.isFinished());
    assertEquals(first.runId(), snapshot.runId());
    String json = snapshot.toJson();
    assertEquals(json, first.snapshot().toJson(), "the same snapshot on every call after the end");
    String tail = "\"state\":{\"lines\":[\"asked about pirates\",\"answered 42 on pirates\"]},"
        + "\"store\":{\"topic\":\"pirates\"},\"steps\":[],\"executions\":[],\"waiters\":[]}";
    assertTrue(json.endsWith(tail), json);
    // The stream position counts the events before the terminal one: the question.
    assertTrue(json.contains("\"streamPosition\":1,\"finished\":true,\"elapsed\":\"PT"), json);

    Snapshot read = Snapshot.fromJson(json);
    assertTrue(read.isFinished());
    assertEquals(snapshot.elapsed(), read.elapsed());
    assertFalse(snapshot.elapsed().isZero());
  }

  @Test
  void aNewRunContinuesFromAFinishedRunsJsonInAFreshWorkflowInstance() {
    WorkflowHandler<Answered> first = answered(fresh(), "pirates", "42", RunOptions.defaults());
    first.result();
    String json = first.snapshot().toJson();

    RunOptions options = RunOptions.builder().continueFrom(Snapshot.fromJson(json)).build();
    WorkflowHandler<Answered> second = answered(fresh(), "parrots", "7", options);
    assertEquals(new Answered("7", List.of("asked about pirates", "answered 42 on pirates", "asked about parrots",
        "answered 7 on parrots")), second.result());
    assertNotEquals(first.runId(), second.runId(), "a continued run is a new run");
  }

  @Test
  void aCancelledRunsStateCarriesOverToo() {
    WorkflowHandler<Answered> first = fresh().run(new Begin("pirates"));
    assertEquals(new AskNumber("Enter a number: "), first.events().findFirst().orElseThrow());
    first.cancel();
    assertThrows(WorkflowCancelledException.class, first::result);
    Snapshot ended = first.snapshot();
    assertTrue(ended.isFinished());

    WorkflowHandler<Answered> second = answered(fresh(), "parrots", "7",
        RunOptions.defaults().continueFrom(Snapshot.fromJson(ended.toJson())));
    assertEquals(List.of("asked about pirates", "asked about parrots", "answered 7 on parrots"),
        second.result().notes());
  }

  @Test
  void aRunContinuesInAnotherProcessAndBackAgain() throws Exception {
    WorkflowHandler<Answered> first = answered(fresh(), "pirates", "42", RunOptions.defaults());
    first.result();
    Path handedOver = directory.resolve("first.json");
    Path handedBack = directory.resolve("second.json");
    Files.writeString(handedOver, first.snapshot().toJson(), StandardCharsets.UTF_8);

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ContinueProcess.class.getName(),
        handedOver.toString(), "parrots", "7", handedBack.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String printed;
    try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      printed = out.readLine();
    }
    assertEquals(0, child.waitFor());
    assertEquals("asked about pirates|answered 42 on pirates|asked about parrots|answered 7 on parrots", printed);

    Snapshot back = Snapshot.fromJson(Files.readString(handedBack, StandardCharsets.UTF_8));
    assertTrue(back.isFinished());
    WorkflowHandler<Answered> third = answered(fresh(), "owls", "1", RunOptions.defaults().continueFrom(back));
    assertEquals(List.of("asked about pirates", "answered 42 on pirates", "asked about parrots",
        "answered 7 on parrots", "asked about owls", "answered 1 on owls"), third.result().notes());
  }

  @Test
  void resumeRefusesAFinishedRunsSnapshot() {
    WorkflowHandler<Answered> first = answered(fresh(), "pirates", "42", RunOptions.defaults());
    first.result();
    Snapshot finished = Snapshot.fromJson(first.snapshot().toJson());
    var refused = assertThrows(IllegalArgumentException.class, () -> fresh().resume(finished));
    assertEquals("Snapshot of run " + first.runId() + " of workflow 'snapshot-hitl' was taken after the run"
        + " finished, so there is nothing to resume; start a new run from its state and store with run(start,"
        + " RunOptions.builder().continueFrom(snapshot).build())", refused.getMessage());
  }

  @Test
  void continueFromRefusesASnapshotOfARunInFlight() {
    WorkflowHandler<Answered> paused = fresh().run(new Begin("pirates"));
    assertEquals(new AskNumber("Enter a number: "), paused.events().findFirst().orElseThrow());
    Snapshot inFlight = paused.snapshot();
    paused.cancel();
    assertFalse(inFlight.isFinished());
    var refused = assertThrows(IllegalArgumentException.class,
        () -> fresh().run(new Begin("parrots"), RunOptions.defaults().continueFrom(inFlight)));
    assertEquals("Snapshot of run " + paused.runId() + " of workflow 'snapshot-hitl' was taken while the run was in"
        + " flight; resume it with resume(snapshot), or continue from a snapshot taken after its result()",
        refused.getMessage());
  }
}
