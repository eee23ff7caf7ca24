package io.stepwise.server.flows;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Writes {@code ticks} numbered events to the stream as fast as it can, then stops: many events per run. */
@Workflow(name = "chatty")
public class ChattyFlow {
  public record Count(String label, int ticks) implements StartEvent {}

  public record Tick(String label, int n) implements Event {}

  public record Done(String label, int ticks) implements StopEvent {}

  @Step
  Done tick(Count count, Context<?> ctx) {
    for (int i = 0; i < count.ticks(); i++) {
      ctx.writeEventToStream(new Tick(count.label(), i));
    }
    return new Done(count.label(), count.ticks());
  }
}
