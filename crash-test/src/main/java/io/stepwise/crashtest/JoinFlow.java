package io.stepwise.crashtest;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
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
 * A join: four numbers go to a left and a right step (one worker each, so each side emits in
 * order), a step with two event parameters pairs them first-in first-out, and a collector gathers
 * the four pairs. An uninterrupted run always pairs n with n; a lost side hangs the join, a
 * duplicated one shifts every later pair.
 */
@Workflow(name = JoinFlow.NAME, timeout = "10m")
public class JoinFlow {
  static final String NAME = "crash-join";
  static final int NUMBERS = 4;

  public record Begin(int n) implements StartEvent {}

  public record Value(int n) implements Event {}

  public record Left(int n) implements Event {}

  public record Right(int n) implements Event {}

  /** A left side {@code n} joined with the right side {@code right}. */
  public record Pair(int n, int right) implements Event {}

  /** The pairs, as {@code left+right}. */
  public record Pairs(List<Pair> pairs) implements StopEvent, Outcome {
    @Override
    public String summary() {
      return pairs.stream().sorted(Comparator.comparingInt(Pair::n).thenComparingInt(Pair::right))
          .map(p -> p.n() + "+" + p.right()).collect(Collectors.joining(","));
    }
  }

  static final Shape<Begin, Pairs> SHAPE = new Shape<>("join", NAME,
      ledger -> JoinFlow_Workflow.of(new JoinFlow(ledger)),
      new Begin(NUMBERS),
      IntStream.range(0, NUMBERS).mapToObj(i -> i + "+" + i).collect(Collectors.joining(",")),
      Expected.keys(NAME, Expected.each(NUMBERS, "left,%d", "right,%d", "pair,%d+%d", "gather,%d"), "start," + NUMBERS),
      Set.of(), null, Duration.ofMillis(320));

  private final Ledger ledger;

  public JoinFlow(Ledger ledger) {
    this.ledger = ledger;
  }

  @Step
  void start(Begin begin, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "start", begin.n());
    for (int i = 0; i < begin.n(); i++) {
      Naps.nap(10, 30);
      ctx.sendEvent(new Value(i));
    }
    ledger.completed(ctx, key);
  }

  @Step(workers = 1)
  Left left(Value value, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "left", value.n());
    Naps.nap(10, 60);
    ledger.completed(ctx, key);
    return new Left(value.n());
  }

  @Step(workers = 1)
  Right right(Value value, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "right", value.n());
    Naps.nap(30, 90);
    ledger.completed(ctx, key);
    return new Right(value.n());
  }

  @Step
  Pair pair(Left left, Right right, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "pair", left.n(), right.n());
    Naps.nap(10, 40);
    ledger.completed(ctx, key);
    return new Pair(left.n(), right.n());
  }

  @Step(workers = 1)
  Optional<Pairs> gather(Pair pair, Context<?> ctx) throws InterruptedException {
    String key = ledger.began(ctx, NAME, "gather", pair.n());
    Optional<Pairs> all = ctx.collectEvents(pair, Collections.nCopies(NUMBERS, Pair.class))
        .map(events -> new Pairs(events.stream().map(e -> (Pair) e).toList()));
    Naps.nap(10, 40); // a cut can land while the collector has buffered or taken its events
    all.ifPresent(ledger::stopping);
    ledger.completed(ctx, key);
    return all;
  }
}
