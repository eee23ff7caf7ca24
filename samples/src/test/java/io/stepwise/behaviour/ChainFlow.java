package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Three steps in a line, each adding one; each writes what it saw to the stream. */
@Workflow
public class ChainFlow {
  public record Begin(int value) implements StartEvent {}
  public record Middle(int value) implements Event {}
  public record Last(int value) implements Event {}
  public record Finished(int value) implements StopEvent {}
  public record Seen(String step, int value) implements Event {}

  @Step
  Middle first(Begin begin, Context<?> ctx) {
    ctx.writeEventToStream(new Seen("first", begin.value()));
    return new Middle(begin.value() + 1);
  }

  @Step
  Last second(Middle middle, Context<?> ctx) {
    ctx.writeEventToStream(new Seen("second", middle.value()));
    return new Last(middle.value() + 1);
  }

  @Step
  Finished third(Last last, Context<?> ctx) {
    ctx.writeEventToStream(new Seen("third", last.value()));
    return new Finished(last.value() + 1);
  }
}
