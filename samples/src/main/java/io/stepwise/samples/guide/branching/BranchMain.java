package io.stepwise.samples.guide.branching;

import io.stepwise.CompiledWorkflow;
import io.stepwise.samples.guide.branching.BranchFlow.Begin;
import io.stepwise.samples.guide.branching.BranchFlow.BranchDone;
import java.io.PrintStream;
import java.util.Random;

/** Runs {@link BranchFlow} four times with a fixed seed, printing which branch each run took. */
public final class BranchMain {
  private BranchMain() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Prints which branch each of four runs took. */
  public static void run(PrintStream out) {
    CompiledWorkflow<Begin, BranchDone> flow = BranchFlow_Workflow.of(new BranchFlow(new Random(7)));
    for (int run = 1; run <= 4; run++) {
      out.println("run " + run + ": " + flow.run(new Begin()).result().result());
    }
  }
}
