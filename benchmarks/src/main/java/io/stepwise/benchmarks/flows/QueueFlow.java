package io.stepwise.benchmarks.flows;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** A run with {@code count} events queued behind one held worker: the snapshot-size shape. */
@Workflow
public class QueueFlow {
  public record Fill(int count) implements StartEvent {}
  public record Item(int n, String payload) implements Event {}
  public record Drained(int count) implements StopEvent {}

  private final CountDownLatch gate;

  /** @param gate held closed, it keeps the worker busy and the rest of the items queued */
  public QueueFlow(CountDownLatch gate) {
    this.gate = gate;
  }

  @Step
  void fill(Fill ev, Context<?> ctx) {
    ctx.store().put("count", ev.count());
    for (int n = 0; n < ev.count(); n++) {
      ctx.sendEvent(new Item(n, "item-" + n));
    }
  }

  @Step(workers = 1)
  Optional<Drained> drain(Item item, Context<?> ctx) throws InterruptedException {
    gate.await();
    int count = ctx.store().get("count", 0);
    return item.n() == count - 1 ? Optional.of(new Drained(count)) : Optional.empty();
  }
}
