package io.stepwise.samples.guide.fanout;

import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.fanout.FanInFanOutFlow.Begin;
import io.stepwise.samples.guide.fanout.FanInFanOutFlow.Done;
import io.stepwise.samples.guide.fanout.FanInFanOutFlow.Processed;
import java.io.PrintStream;
import java.util.List;

/** Runs {@link FanInFanOutFlow} over five items. */
public final class FanInFanOutMain {
  private FanInFanOutMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints each item as a worker processes it (the order varies), then the collected total. */
  public static void run(PrintStream out) {
    WorkflowHandler<Done> run = FanInFanOutFlow_Workflow.of(new FanInFanOutFlow())
        .run(new Begin(List.of("alpha", "beta", "gamma", "delta", "epsilon")));
    run.events().forEach(event -> {
      if (event instanceof Processed processed) {
        out.println("processed " + processed.item());
      }
    });
    Done done = run.result();
    out.println("collected " + done.collected() + " results, total length " + done.totalLength());
  }
}
