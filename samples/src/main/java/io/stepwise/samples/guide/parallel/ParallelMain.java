package io.stepwise.samples.guide.parallel;

import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.parallel.ParallelFlow.Begin;
import io.stepwise.samples.guide.parallel.ParallelFlow.QueryDone;
import io.stepwise.samples.guide.parallel.ParallelFlow.Running;
import java.io.PrintStream;

/** Runs {@link ParallelFlow} on "Query 1". */
public final class ParallelMain {
  private ParallelMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints the stream as it happens, then the result. */
  public static void run(PrintStream out) {
    WorkflowHandler<QueryDone> run = ParallelFlow_Workflow.of(new ParallelFlow()).run(new Begin("Query 1"));
    run.events().forEach(event -> {
      if (event instanceof Running running) {
        out.println(running.message());
      }
    });
    out.println("result: " + run.result().result());
  }
}
