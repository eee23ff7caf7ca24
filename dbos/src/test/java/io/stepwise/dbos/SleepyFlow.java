package io.stepwise.dbos;

import io.stepwise.Context;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** One step that outlives the run's two-second timeout. */
@Workflow(timeout = "2s")
public class SleepyFlow {
  public record Nap(long millis) implements StartEvent {}

  public record Woke(long millis) implements StopEvent {}

  private final Ledger ledger;

  public SleepyFlow(Ledger ledger) {
    this.ledger = ledger;
  }

  @Step
  Woke nap(Nap nap, Context<?> ctx) throws InterruptedException {
    ledger.write(ctx.runId(), "nap", "began");
    Thread.sleep(nap.millis());
    ledger.write(ctx.runId(), "nap", "completed");
    return new Woke(nap.millis());
  }
}
