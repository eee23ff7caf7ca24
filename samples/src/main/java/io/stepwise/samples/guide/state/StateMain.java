package io.stepwise.samples.guide.state;

import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.state.StateFlow.Begin;
import io.stepwise.samples.guide.state.StateFlow.Greeting;
import io.stepwise.samples.guide.state.StateFlow.StateEdited;
import java.io.PrintStream;

/** Runs {@link StateFlow} for one user. */
public final class StateMain {
  private StateMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints the stream as it happens, then the greeting read from the state. */
  public static void run(PrintStream out) {
    WorkflowHandler<Greeting> run = StateFlow_Workflow.of(new StateFlow()).run(new Begin("ada", "ada@example.com", 36));
    run.events().forEach(event -> {
      if (event instanceof StateEdited edited) {
        out.println("state edited for " + edited.username());
      }
    });
    out.println(run.result().text());
  }
}
