package io.stepwise.durable;

import io.stepwise.RunOptions;
import io.stepwise.WorkflowHandler;
import io.stepwise.store.jdbc.JdbcRunStore;

/**
 * The child JVM of {@link KilledRunTest}: runs {@link CountFlow} with a SQLite store, prints the
 * run id, and blocks in step {@code hangAt} until it is killed.
 * Arguments: the JDBC URL, the step count, the step to hang in.
 */
public final class CountingProcess {
  private CountingProcess() {}

  public static void main(String[] args) throws Exception {
    var workflow = CountFlow_Workflow.of(new CountFlow(Integer.parseInt(args[2])));
    // The id is chosen and printed before the run starts, so it comes before what the steps print.
    String runId = "counting-" + ProcessHandle.current().pid();
    System.out.println("run " + runId);
    System.out.flush();
    WorkflowHandler<CountFlow.Counted> run = workflow.run(new CountFlow.CountTo(Integer.parseInt(args[1])),
        RunOptions.builder().runId(runId).runStore(JdbcRunStore.create(args[0])).build());
    run.result();
  }
}
