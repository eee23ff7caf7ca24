package io.stepwise.server.flows;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.time.Duration;

/** Asks inside one step with {@code ctx.waitForEvent} and no timeout: the step itself waits, and may be released. */
@Workflow(name = "waiting", timeout = "0s")
public class WaitingFlow {
  public record Go(String name) implements StartEvent {}

  public record Ask(String prompt) implements InputRequiredEvent {}

  public record Answer(String text) implements HumanResponseEvent {}

  public record Note(String message) implements Event {}

  public record Done(String answer) implements StopEvent {}

  @Step
  Done ask(Go go, Context<?> ctx) {
    ctx.writeEventToStream(new Note("before " + go.name()));
    Answer answer = ctx.waitForEvent(Answer.class, new Ask("Yes, " + go.name() + "?"), any -> true, Duration.ZERO);
    ctx.writeEventToStream(new Note("after " + answer.text()));
    return new Done(go.name() + ": " + answer.text());
  }
}
