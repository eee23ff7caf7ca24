package io.stepwise.server.flows;

import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Returns its input at once. */
@Workflow(name = "echo")
public class EchoFlow {
  public record Shout(String text, int times) implements StartEvent {}

  public record Echoed(String text) implements StopEvent {}

  @Step
  Echoed echo(Shout shout) {
    return new Echoed(shout.text().repeat(Math.max(1, shout.times())));
  }
}
