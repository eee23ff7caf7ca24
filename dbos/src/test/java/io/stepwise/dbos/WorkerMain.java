package io.stepwise.dbos;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A worker JVM of the tests: {@code WorkerMain <jdbc-url> <schema> <executor-id> <runs-per-worker> [idle-release-ms]}
 * (idle release off unless given).
 * Prints {@code ready} once DBOS runs, then holds runs until it is killed.
 */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    Ledger ledger = new Ledger(args[0], args[1]);
    int runsPerWorker = Integer.parseInt(args[3]);
    var childFlow = ChildFlow_Workflow.of(new ChildFlow(ledger));
    CompletableFuture<DurableWorkflow<ChildFlow.Work, ChildFlow.Worked>> children = new CompletableFuture<>();
    StepwiseDbos worker = TestWorkers.configure(args[0], args[1])
        .executorId(args[2])
        .idleRelease(Duration.ofMillis(args.length > 4 ? Long.parseLong(args[4]) : 0))
        .register(ParkFlow_Workflow.of(new ParkFlow(ledger)), runsPerWorker)
        .register(ChainFlow_Workflow.of(new ChainFlow(ledger)), runsPerWorker)
        .register(AskFlow_Workflow.of(new AskFlow(ledger)), runsPerWorker)
        .register(SleepyFlow_Workflow.of(new SleepyFlow(ledger)), runsPerWorker)
        .register(CountFlow_Workflow.of(new CountFlow()), runsPerWorker)
        .register(ParentFlow_Workflow.of(new ParentFlow(ledger)), runsPerWorker)
        .register(childFlow, runsPerWorker)
        .register(DurableParentFlow_Workflow.of(new DurableParentFlow(ledger, children::join)), runsPerWorker)
        .launch();
    children.complete(worker.workflow(childFlow));
    System.out.println("ready " + worker.executorId());
    System.out.flush();
    Thread.sleep(Duration.ofHours(1));
  }
}
