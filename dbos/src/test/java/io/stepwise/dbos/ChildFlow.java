package io.stepwise.dbos;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/**
 * The child run of {@link ParentFlow}: a quick step, then one that sleeps as long as the start
 * event says, so a test can kill its worker mid-child. Its ledger lines go under the parent's run
 * id; the slow step also notes the child's own run id ({@code child-run:<id>}), so a test can tell
 * a resumed child from a new one.
 */
@Workflow(timeout = "120s")
public class ChildFlow {
  public record Work(String parentRunId, int value, long slowMillis) implements StartEvent {}

  public record Halfway(String parentRunId, int value, long slowMillis) implements Event {}

  public record Worked(int value) implements StopEvent {}

  private final Ledger ledger;

  public ChildFlow(Ledger ledger) {
    this.ledger = ledger;
  }

  @Step
  Halfway first(Work work) {
    ledger.write(work.parentRunId(), "child.first", "began");
    ledger.write(work.parentRunId(), "child.first", "completed");
    return new Halfway(work.parentRunId(), work.value() + 1, work.slowMillis());
  }

  @Step
  Worked slow(Halfway halfway, Context<?> ctx) throws InterruptedException {
    ledger.write(halfway.parentRunId(), "child-run:" + ctx.runId(), "seen");
    ledger.write(halfway.parentRunId(), "child.slow", "began");
    Thread.sleep(halfway.slowMillis());
    ledger.write(halfway.parentRunId(), "child.slow", "completed");
    return new Worked(halfway.value() * 10);
  }
}
