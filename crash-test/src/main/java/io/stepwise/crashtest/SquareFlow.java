package io.stepwise.crashtest;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** The child of {@link ChildFlow}: two steps that square a number, slowly. */
@Workflow(name = SquareFlow.NAME, timeout = "10m")
public class SquareFlow {
  static final String NAME = "crash-square";

  public record Start(int n) implements StartEvent {}

  public record Halfway(int n) implements Event {}

  public record Squared(int n, int square) implements StopEvent {}

  private final Ledger ledger;

  public SquareFlow(Ledger ledger) {
    this.ledger = ledger;
  }

  @Step
  Halfway half(Start start, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "half", start.n());
    Naps.nap(20, 80);
    ledger.completed(ctx, key);
    return new Halfway(start.n());
  }

  @Step
  Squared finish(Halfway halfway, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "finish", halfway.n());
    Naps.nap(20, 80);
    ledger.completed(ctx, key);
    return new Squared(halfway.n(), halfway.n() * halfway.n());
  }
}
