package io.stepwise.behaviour;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

/** Fan-out by returning a List, an async middle step, and a gatherer that stops when all arrived. */
@Workflow
public class FanOutFlow {
  public record Count(int items) implements StartEvent {}
  public record Item(int n) implements Event {}
  public record Squared(int n, int square) implements Event {}
  public record Total(int items, long sum) implements StopEvent {}

  private int expected;
  private int received;
  private long sum;

  @Step
  List<Item> split(Count count) {
    expected = count.items();
    return IntStream.rangeClosed(1, count.items()).mapToObj(Item::new).toList();
  }

  @Step(workers = 8)
  CompletionStage<Squared> square(Item item) {
    return CompletableFuture.supplyAsync(() -> new Squared(item.n(), item.n() * item.n()));
  }

  @Step(workers = 1)
  Optional<Total> gather(Squared squared) {
    received++;
    sum += squared.square();
    return received == expected ? Optional.of(new Total(received, sum)) : Optional.empty();
  }
}
