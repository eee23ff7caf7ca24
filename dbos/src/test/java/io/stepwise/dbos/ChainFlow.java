package io.stepwise.dbos;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Two steps; the second sleeps as long as the start event says, so a test can kill its worker mid-step. */
@Workflow(timeout = "120s")
public class ChainFlow {
  public record Go(int value, long slowMillis) implements StartEvent {}

  public record Middle(int value, long slowMillis) implements Event {}

  public record Done(int value) implements StopEvent {}

  private final Ledger ledger;

  public ChainFlow(Ledger ledger) {
    this.ledger = ledger;
  }

  @Step
  Middle first(Go go, Context<?> ctx) {
    ledger.write(ctx.runId(), "first", "began");
    ledger.write(ctx.runId(), "first", "completed");
    return new Middle(go.value() + 1, go.slowMillis());
  }

  @Step
  Done slow(Middle middle, Context<?> ctx) throws InterruptedException {
    ledger.write(ctx.runId(), "slow", "began");
    Thread.sleep(middle.slowMillis());
    ledger.write(ctx.runId(), "slow", "completed");
    return new Done(middle.value() * 10);
  }
}
