package io.stepwise.behaviour;

import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.SnapshotFlows.Answer;
import io.stepwise.behaviour.SnapshotFlows.Answered;
import io.stepwise.behaviour.SnapshotFlows.Begin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The other process of {@link ContinueFinishedRunTest}: continues a finished run from the snapshot
 * in file {@code args[0]} with topic {@code args[1]} and answer {@code args[2]}, prints the result's
 * notes, and writes the snapshot of its own finished run to file {@code args[3]}.
 */
public final class ContinueProcess {
  private ContinueProcess() {}

  public static void main(String[] args) throws Exception {
    Snapshot previous = Snapshot.fromJson(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    WorkflowHandler<Answered> run = SnapshotFlows_HitlFlow_Workflow.of(new SnapshotFlows.HitlFlow(new SnapshotFlows.Counts()))
        .run(new Begin(args[1]), RunOptions.builder().continueFrom(previous).build());
    run.events().findFirst(); // the question: the answer step reads the topic the ask step stores
    run.sendEvent(new Answer(args[2]));
    Answered answered = run.result();
    System.out.println(String.join("|", answered.notes()));
    Files.writeString(Path.of(args[3]), run.snapshot().toJson(), StandardCharsets.UTF_8);
  }
}
