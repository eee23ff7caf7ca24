package io.stepwise.crashtest;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Fan-out and fan-in: the start step sends six items one by one ({@code ctx.sendEvent}), two
 * workers square them, and a collector gathers the six squares ({@code ctx.collectEvents}). A
 * lost square hangs the run; a duplicated one completes the set early with a wrong result.
 */
@Workflow(name = FanOutFlow.NAME, timeout = "10m")
public class FanOutFlow {
  static final String NAME = "crash-fanout";
  static final int ITEMS = 6;

  public record Begin(int n) implements StartEvent {}

  public record Item(int n) implements Event {}

  public record Squared(int n, int square) implements Event {}

  /** The squares in the order the collector received them. */
  public record Squares(List<Integer> squares) implements StopEvent, Outcome {
    @Override
    public String summary() {
      return squares.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
  }

  static final Shape<Begin, Squares> SHAPE = new Shape<>("fanout", NAME,
      ledger -> FanOutFlow_Workflow.of(new FanOutFlow(ledger)),
      new Begin(ITEMS),
      IntStream.range(0, ITEMS).mapToObj(i -> String.valueOf(i * i)).collect(Collectors.joining(",")),
      Expected.keys(NAME, Expected.each(ITEMS, "work,%d", "gather,%d"), "start," + ITEMS),
      Set.of(), null, Duration.ofMillis(300));

  private final Ledger ledger;

  public FanOutFlow(Ledger ledger) {
    this.ledger = ledger;
  }

  @Step
  void start(Begin begin, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "start", begin.n());
    for (int i = 0; i < begin.n(); i++) {
      Naps.nap(10, 40);
      ctx.sendEvent(new Item(i));
    }
    ledger.completed(ctx, key);
  }

  @Step(workers = 2)
  Squared work(Item item, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "work", item.n());
    Naps.nap(20, 80);
    ledger.completed(ctx, key);
    return new Squared(item.n(), item.n() * item.n());
  }

  @Step(workers = 1)
  Optional<Squares> gather(Squared squared, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "gather", squared.n());
    Optional<Squares> all = ctx.collectEvents(squared, Collections.nCopies(ITEMS, Squared.class))
        .map(events -> new Squares(events.stream().map(e -> ((Squared) e).square()).toList()));
    Naps.nap(10, 40); // a cut can land while the collector has buffered or taken its events
    all.ifPresent(ledger::stopping);
    ledger.completed(ctx, key);
    return all;
  }
}
