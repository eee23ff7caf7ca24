package io.stepwise.durable;

import io.stepwise.Context;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Asks a question and waits for the answer: a run that pauses for a human. */
@Workflow(name = "ask", timeout = "5m")
public class AskFlow {
  public record Begin(String topic) implements StartEvent {}

  public record Question(String text) implements InputRequiredEvent {}

  public record Reply(String text) implements HumanResponseEvent {}

  public record Answered(String topic, String reply) implements StopEvent {}

  @Step
  Question ask(Begin ev, Context<?> ctx) {
    ctx.store().put("topic", ev.topic());
    return new Question("What about " + ev.topic() + "?");
  }

  @Step
  Answered answer(Reply ev, Context<?> ctx) {
    return new Answered(ctx.store().get("topic", ""), ev.text());
  }
}
