package io.stepwise.samples.guide.store;

import io.stepwise.Context;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/**
 * The guide's store (section 2.2.b): a step counts its runs in the store's
 * {@code n_iterations}. One run counts 1; a run that continues from a finished one starts from
 * its store, so the count goes on (the guide's "run again with access to previous state").
 */
@Workflow
public class StoreFlow {
  /** Starts a run. */
  public record Begin() implements StartEvent {}

  /** The run's result: the count after this run. */
  public record Counted(int iterations) implements StopEvent {}

  @Step
  Counted getSetStore(Begin ev, Context<?> ctx) {
    // A Number, not an Integer: a store restored from JSON may hold the count as another number type.
    int next = ctx.store().get("n_iterations") instanceof Number iterations ? iterations.intValue() + 1 : 1;
    ctx.store().put("n_iterations", next);
    return new Counted(next);
  }
}
