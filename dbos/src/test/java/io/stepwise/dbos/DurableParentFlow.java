package io.stepwise.dbos;

import io.stepwise.Context;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A parent whose step runs a {@link ChildFlow} as a durable run of its own (a DBOS workflow on the
 * child's queue), not with {@code ctx.runChild}: the pattern of docs/distributed.md, "A child that
 * is its own durable run". {@code Go(v, slow)} ends with {@code Done((v + 1) * 10 + 1)}.
 */
@Workflow(timeout = "120s")
public class DurableParentFlow {
  public record Go(int value, long slowMillis) implements StartEvent {}

  public record Done(int value) implements StopEvent {}

  private final Ledger ledger;
  // The handle exists only once the worker launched, after this workflow was registered.
  private final Supplier<DurableWorkflow<ChildFlow.Work, ChildFlow.Worked>> children;

  public DurableParentFlow(Ledger ledger, Supplier<DurableWorkflow<ChildFlow.Work, ChildFlow.Worked>> children) {
    this.ledger = ledger;
    this.children = children;
  }

  @Step
  Done delegate(Go go, Context<?> ctx) throws InterruptedException, TimeoutException {
    ledger.write(ctx.runId(), "delegate", "began");
    DurableWorkflow<ChildFlow.Work, ChildFlow.Worked> durable = children.get();
    // Derived from the parent's run id: the step that runs again after a kill joins the same child.
    String childRunId = ctx.runId() + "/child";
    durable.start(new ChildFlow.Work(ctx.runId(), go.value(), go.slowMillis()), childRunId);
    ChildFlow.Worked worked;
    try {
      worked = durable.result(childRunId, Duration.ofSeconds(100));
    } catch (InterruptedException cancelled) {
      durable.cancel(childRunId); // the parent was cancelled or timed out: so is its child
      throw cancelled;
    }
    ledger.write(ctx.runId(), "delegate", "completed");
    return new Done(worked.value() + 1);
  }
}
