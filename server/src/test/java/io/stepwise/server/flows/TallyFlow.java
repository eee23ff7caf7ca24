package io.stepwise.server.flows;

import io.stepwise.Context;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds to a running total kept in its state and counts its runs in its store: what a run that
 * continues a finished one carries over.
 */
@Workflow(name = "tally")
public class TallyFlow {
  public record Add(int amount, String note) implements StartEvent {}

  public record Total(int total, int runs, List<String> notes) implements StopEvent {}

  /** The state: the total so far and a note per run. */
  public static class Sum {
    public int total;
    public List<String> notes = List.of();

    public Sum() {}
  }

  @Step
  Total add(Add add, Context<Sum> ctx) {
    ctx.editState(sum -> {
      sum.total += add.amount();
      var notes = new ArrayList<>(sum.notes);
      notes.add(add.note());
      sum.notes = List.copyOf(notes);
    });
    int runs = ctx.store().get("runs", 0) + 1;
    ctx.store().put("runs", runs);
    return new Total(ctx.state().total, runs, ctx.state().notes);
  }
}
