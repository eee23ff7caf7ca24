package io.stepwise.durable;

import io.stepwise.RunOptions;
import io.stepwise.WorkflowHandler;
import io.stepwise.store.JdbcRunStore;

/**
 * The child JVM of {@link KilledRunTest}: runs {@link CountFlow} with a SQLite store, prints the
 * run id, and blocks in step {@code hangAt} until it is killed.
 * Arguments: the JDBC URL, the step count, the step to hang in.
 */
public final class CountingProcess {
  private CountingProcess() {}

  public static void main(String[] args) throws Exception {
    var workflow = CountFlow_Workflow.of(new CountFlow(Integer.parseInt(args[2])));
    WorkflowHandler<CountFlow.Counted> run = workflow.run(new CountFlow.CountTo(Integer.parseInt(args[1])),
        RunOptions.defaults().withStore(JdbcRunStore.create(args[0])));
    System.out.println("run " + run.runId());
    System.out.flush();
    run.result();
  }
}
