package io.stepwise.samples.guide.concurrent;

import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.concurrent.CollectingFlow.AllDone;
import io.stepwise.samples.guide.concurrent.CollectingFlow.Begin;
import io.stepwise.samples.guide.concurrent.CollectingFlow.Working;
import java.io.PrintStream;

/** Runs {@link CollectingFlow} on three queries; the workers' order varies, the result's does not. */
public final class CollectingMain {
  private CollectingMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints the stream as it happens, then the collected results. */
  public static void run(PrintStream out) {
    WorkflowHandler<AllDone> run = CollectingFlow_Workflow.of(new CollectingFlow()).run(new Begin("Query 1", "Query 2", "Query 3"));
    run.events().forEach(event -> {
      if (event instanceof Working working) {
        out.println(working.message());
      }
    });
    out.println("Done: " + run.result().results());
  }
}
