package io.stepwise.samples.guide.store;

import io.stepwise.CompiledWorkflow;
import io.stepwise.RunOptions;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.store.StoreFlow.Begin;
import io.stepwise.samples.guide.store.StoreFlow.Counted;
import java.io.PrintStream;

/** Runs {@link StoreFlow} three times, each run continuing from the previous one's store. */
public final class StoreMain {
  private StoreMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints {@code n_iterations} after each run: 1, 2, 3. */
  public static void run(PrintStream out) {
    CompiledWorkflow<Begin, Counted> flow = StoreFlow_Workflow.of(new StoreFlow());
    WorkflowHandler<Counted> previous = null;
    for (int i = 1; i <= 3; i++) {
      RunOptions options = previous == null ? RunOptions.defaults() : RunOptions.defaults().continueFrom(previous);
      WorkflowHandler<Counted> run = flow.run(new Begin(), options);
      out.println("run " + i + ": n_iterations = " + run.result().iterations());
      previous = run;
    }
  }
}
