package io.stepwise.durable;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A loop of {@code to} steps that records each one in its state: long enough to be killed in the
 * middle. An instance built with {@code hangAt >= 0} blocks forever in that step, so the child
 * process of {@link KilledRunTest} is always killed mid-run, after {@code hangAt} checkpoints.
 */
@Workflow(name = "count", timeout = "5m")
public class CountFlow {
  public record CountTo(int to) implements StartEvent {}

  public sealed interface Next extends Event permits Tick, Counted {}

  public record Tick(int i, int to) implements Event, Next {}

  public record Counted(int total, List<Integer> seen) implements StopEvent, Next {}

  /** The state: which steps ran, in order. */
  public static class Tally {
    public List<Integer> seen = List.of();

    public Tally() {}
  }

  private final int hangAt;

  public CountFlow(int hangAt) {
    this.hangAt = hangAt;
  }

  @Step
  Tick start(CountTo ev) {
    return new Tick(0, ev.to());
  }

  @Step
  Next count(Tick ev, Context<Tally> ctx) throws InterruptedException {
    if (ev.i() == hangAt) {
      System.out.println("hanging at " + ev.i());
      System.out.flush();
      new CountDownLatch(1).await();
    }
    ctx.editState(tally -> {
      List<Integer> seen = new ArrayList<>(tally.seen);
      seen.add(ev.i() * ev.i());
      tally.seen = List.copyOf(seen);
    });
    if (ev.i() + 1 < ev.to()) {
      return new Tick(ev.i() + 1, ev.to());
    }
    List<Integer> seen = ctx.state().seen;
    return new Counted(seen.stream().mapToInt(Integer::intValue).sum(), seen);
  }
}
