package io.stepwise.dbos;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/**
 * A parent whose step runs a {@link ChildFlow} with {@code ctx.runChild}, beside an optional
 * {@code tick} step whose completion makes the parent save a checkpoint while the child runs (a
 * checkpoint that then holds the child's snapshot). Start {@code Go(v, tick, slow)} ends with
 * {@code Done((v + 1) * 10 + 1)}; a negative {@code tickMillis} sends no tick.
 */
@Workflow(timeout = "120s")
public class ParentFlow {
  public record Go(int value, long tickMillis, long slowMillis) implements StartEvent {}

  public record Delegate(int value, long slowMillis) implements Event {}

  public record Tick(long millis) implements Event {}

  public record Delegated(int value) implements Event {}

  public record Done(int value) implements StopEvent {}

  // The step sleeps this long before it starts the child, so the checkpoint saved when 'start'
  // completed never holds the child, whatever the threads' timing.
  private static final long BEFORE_CHILD_MILLIS = 300;

  private final Ledger ledger;
  private final CompiledWorkflow<ChildFlow.Work, ChildFlow.Worked> child;

  public ParentFlow(Ledger ledger) {
    this.ledger = ledger;
    this.child = ChildFlow_Workflow.of(new ChildFlow(ledger));
  }

  @Provides
  CompiledWorkflow<ChildFlow.Work, ChildFlow.Worked> child() {
    return child;
  }

  @Step
  void start(Go go, Context<?> ctx) {
    ledger.write(ctx.runId(), "start", "began");
    ctx.sendEvent(new Delegate(go.value(), go.slowMillis()));
    if (go.tickMillis() >= 0) {
      ctx.sendEvent(new Tick(go.tickMillis()));
    }
    ledger.write(ctx.runId(), "start", "completed");
  }

  @Step
  Delegated delegate(Delegate delegate, Context<?> ctx, CompiledWorkflow<ChildFlow.Work, ChildFlow.Worked> child)
      throws InterruptedException {
    ledger.write(ctx.runId(), "delegate", "began");
    Thread.sleep(BEFORE_CHILD_MILLIS);
    ChildFlow.Worked worked = ctx.runChild(child, new ChildFlow.Work(ctx.runId(), delegate.value(),
        delegate.slowMillis()));
    ledger.write(ctx.runId(), "delegate", "completed");
    return new Delegated(worked.value());
  }

  @Step
  void tick(Tick tick, Context<?> ctx) throws InterruptedException {
    ledger.write(ctx.runId(), "tick", "began");
    Thread.sleep(tick.millis());
    ledger.write(ctx.runId(), "tick", "completed");
  }

  @Step
  Done finish(Delegated delegated, Context<?> ctx) {
    ledger.write(ctx.runId(), "finish", "began");
    ledger.write(ctx.runId(), "finish", "completed");
    return new Done(delegated.value() + 1);
  }
}
