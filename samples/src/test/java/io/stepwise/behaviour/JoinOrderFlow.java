package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A join fed three events of each type: it must fire three times, pairing them FIFO. */
@Workflow
public class JoinOrderFlow {
  public record Begin() implements StartEvent {}
  public record Left(int n) implements Event {}
  public record Right(int n) implements Event {}
  public record Paired(List<String> pairs) implements StopEvent {}

  final List<String> pairs = new CopyOnWriteArrayList<>();

  @Step
  void start(Begin begin, Context<?> ctx) {
    for (int i = 1; i <= 3; i++) {
      ctx.sendEvent(new Left(i));
    }
    for (int i = 1; i <= 3; i++) {
      ctx.sendEvent(new Right(i * 10));
    }
  }

  @Step(workers = 1)
  Optional<Paired> pair(Left left, Right right) {
    pairs.add(left.n() + "/" + right.n());
    return pairs.size() == 3 ? Optional.of(new Paired(List.copyOf(pairs))) : Optional.empty();
  }
}
