package io.stepwise.samples.guide.concurrent;

import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.concurrent.ConcurrentFlow.AllDone;
import io.stepwise.samples.guide.concurrent.ConcurrentFlow.Begin;
import io.stepwise.samples.guide.concurrent.ConcurrentFlow.Working;
import java.io.PrintStream;

/** Runs {@link ConcurrentFlow} on three queries; the workers' order varies, the result's does not. */
public final class ConcurrentMain {
  private ConcurrentMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints the stream as it happens, then the joined results. */
  public static void run(PrintStream out) {
    WorkflowHandler<AllDone> run = ConcurrentFlow_Workflow.of(new ConcurrentFlow()).run(new Begin("Query 1", "Query 2", "Query 3"));
    run.events().forEach(event -> {
      if (event instanceof Working working) {
        out.println(working.message());
      }
    });
    out.println("Done: " + run.result().results());
  }
}
