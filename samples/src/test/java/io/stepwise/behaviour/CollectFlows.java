package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.List;
import java.util.Optional;

/** Workflows that gather events with {@code ctx.collectEvents}. */
final class CollectFlows {
  private CollectFlows() {}

  record Go() implements StartEvent {}

  record Num(int value) implements Event {}

  record Total(int sum, List<Integer> order) implements StopEvent {}

  /** Four numbers, collected by four concurrent workers of one step. */
  @Workflow
  static class SumFlow {
    @Step
    List<Num> start(Go ev) {
      return List.of(new Num(1), new Num(2), new Num(3), new Num(4));
    }

    @Step(workers = 4)
    Optional<Total> sum(Num ev, Context<?> ctx) {
      return ctx.collectEvents(ev, List.of(Num.class, Num.class, Num.class, Num.class)).map(all -> {
        List<Integer> values = all.stream().map(e -> ((Num) e).value()).toList();
        return new Total(values.stream().mapToInt(Integer::intValue).sum(), values);
      });
    }
  }

  sealed interface Part extends Event permits First, Second {}

  record First(String name) implements Part {}

  record Second(String name) implements Part {}

  record Parts(List<Event> parts) implements StopEvent {}

  /** Second arrives before First, but the list follows the expected order. */
  @Workflow
  static class OrderFlow {
    @Step
    List<Part> start(Go ev) {
      return List.of(new Second("b"), new First("a"));
    }

    @Step(workers = 1)
    Optional<Parts> gather(Part ev, Context<?> ctx) {
      return ctx.collectEvents(ev, List.of(First.class, Second.class)).map(Parts::new);
    }
  }

  record Empty(int size) implements StopEvent {}

  /** An empty expected list returns an empty list at once. */
  @Workflow
  static class EmptyFlow {
    @Step
    Empty start(Go ev, Context<?> ctx) {
      return new Empty(ctx.collectEvents(ev, List.of()).orElseThrow().size());
    }
  }
}
