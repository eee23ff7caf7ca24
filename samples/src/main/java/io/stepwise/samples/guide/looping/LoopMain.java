package io.stepwise.samples.guide.looping;

import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.looping.LoopFlow.Begin;
import io.stepwise.samples.guide.looping.LoopFlow.Lap;
import io.stepwise.samples.guide.looping.LoopFlow.LoopDone;
import java.io.PrintStream;
import java.util.Random;

/** Runs {@link LoopFlow} with a seeded coin, printing each lap from the stream. */
public final class LoopMain {
  private LoopMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints each lap as it happens, then the result. */
  public static void run(PrintStream out) {
    Random coin = new Random(3);
    WorkflowHandler<LoopDone> run = LoopFlow_Workflow.of(new LoopFlow(coin::nextBoolean)).run(new Begin());
    run.events().forEach(event -> {
      if (event instanceof Lap lap) {
        out.println("lap " + lap.lap() + ": " + lap.happened());
      }
    });
    LoopDone done = run.result();
    out.println(done.result() + " (" + done.laps() + " laps)");
  }
}
