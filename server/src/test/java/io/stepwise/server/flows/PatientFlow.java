package io.stepwise.server.flows;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/**
 * Asks one question and waits for the answer with no run timeout: a run a server may release
 * from memory while it waits. The question is an event, as in Python's human-in-the-loop guide.
 */
@Workflow(name = "patient", timeout = "0s")
public class PatientFlow {
  public record Topic(String topic) implements StartEvent {}

  public record Question(String prompt) implements InputRequiredEvent {}

  public record Reply(String text) implements HumanResponseEvent {}

  public record Progress(String message) implements Event {}

  public record Summary(String answer) implements StopEvent {}

  /** How questions begin: a resource, drawn in the representation. */
  public record Phrasing(String opening) {}

  @Provides
  Phrasing phrasing() {
    return new Phrasing("What about");
  }

  @Step
  Question ask(Topic topic, Phrasing phrasing, Context<?> ctx) {
    ctx.writeEventToStream(new Progress("asking about " + topic.topic()));
    return new Question(phrasing.opening() + " " + topic.topic() + "?");
  }

  @Step
  Summary finish(Reply reply, Context<?> ctx) {
    ctx.writeEventToStream(new Progress("heard " + reply.text()));
    return new Summary(reply.text());
  }
}
