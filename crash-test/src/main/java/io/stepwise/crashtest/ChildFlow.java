package io.stepwise.crashtest;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Child runs: each of three items is squared by a child run of {@link SquareFlow}
 * ({@code ctx.runChild}), two at a time, and a collector gathers the results. A kill while a child
 * runs tests that the parent's checkpoint carries the child, and that its resume does not redo the
 * child's saved steps.
 */
@Workflow(name = ChildFlow.NAME, timeout = "10m")
public class ChildFlow {
  static final String NAME = "crash-child";
  static final int ITEMS = 3;

  public record Begin(int n) implements StartEvent {}

  public record Item(int n) implements Event {}

  public record Delegated(int n, int square) implements Event {}

  /** The squares, as {@code n=square}. */
  public record Results(List<Delegated> results) implements StopEvent, Outcome {
    @Override
    public String summary() {
      return results.stream().sorted(Comparator.comparingInt(Delegated::n).thenComparingInt(Delegated::square))
          .map(d -> d.n() + "=" + d.square()).collect(Collectors.joining(","));
    }
  }

  static final Shape<Begin, Results> SHAPE = new Shape<>("child", NAME,
      ledger -> ChildFlow_Workflow.of(new ChildFlow(ledger)),
      new Begin(ITEMS),
      IntStream.range(0, ITEMS).mapToObj(i -> i + "=" + i * i).collect(Collectors.joining(",")),
      Expected.keys(NAME, Expected.each(ITEMS, "delegate,%d", "gather,%d",
          SquareFlow.NAME + ".half,%d", SquareFlow.NAME + ".finish,%d"), "start," + ITEMS),
      Set.of(), null, Duration.ofMillis(250));

  private final Ledger ledger;
  private final CompiledWorkflow<SquareFlow.Start, SquareFlow.Squared> squarer;

  public ChildFlow(Ledger ledger) {
    this.ledger = ledger;
    this.squarer = SquareFlow_Workflow.of(new SquareFlow(ledger));
  }

  @Provides
  CompiledWorkflow<SquareFlow.Start, SquareFlow.Squared> squarer() {
    return squarer;
  }

  @Step
  void start(Begin begin, Context<?> ctx) {
    String key = ledger.began(ctx, NAME, "start", begin.n());
    for (int i = 0; i < begin.n(); i++) {
      ctx.sendEvent(new Item(i));
    }
    ledger.completed(ctx, key);
  }

  @Step(workers = 2)
  Delegated delegate(Item item, Context<?> ctx, CompiledWorkflow<SquareFlow.Start, SquareFlow.Squared> squarer) {
    String key = ledger.began(ctx, NAME, "delegate", item.n());
    SquareFlow.Squared squared = ctx.runChild(squarer, new SquareFlow.Start(item.n()));
    ledger.completed(ctx, key);
    return new Delegated(item.n(), squared.square());
  }

  @Step(workers = 1)
  Optional<Results> gather(Delegated delegated, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "gather", delegated.n());
    Optional<Results> all = ctx.collectEvents(delegated, Collections.nCopies(ITEMS, Delegated.class))
        .map(events -> new Results(events.stream().map(e -> (Delegated) e).toList()));
    Naps.nap(10, 40); // a cut can land while the collector has buffered or taken its events
    all.ifPresent(ledger::stopping);
    ledger.completed(ctx, key);
    return all;
  }
}
