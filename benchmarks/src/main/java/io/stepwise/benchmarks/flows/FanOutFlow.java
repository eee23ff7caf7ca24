package io.stepwise.benchmarks.flows;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.Optional;

/**
 * Shape S2: the start step sends {@code count} events, a worker maps each, and a single-worker
 * gatherer counts them until all have arrived. One instance serves one run at a time: the
 * gatherer's count lives in a field, reset by the start step.
 */
@Workflow
public class FanOutFlow {
  public record Burst(int count) implements StartEvent {}
  public record Item(int n) implements Event {}
  public record Mapped(int n) implements Event {}
  public record Gathered(int count, long sum) implements StopEvent {}

  private int expected;
  private int received;
  private long sum;

  @Step
  void spread(Burst burst, Context<?> ctx) {
    expected = burst.count();
    received = 0;
    sum = 0;
    for (int i = 0; i < burst.count(); i++) {
      ctx.sendEvent(new Item(i));
    }
  }

  @Step
  Mapped map(Item item) {
    return new Mapped(item.n() * 2);
  }

  @Step(workers = 1)
  Optional<Gathered> gather(Mapped mapped) {
    received++;
    sum += mapped.n();
    return received == expected ? Optional.of(new Gathered(received, sum)) : Optional.empty();
  }
}
