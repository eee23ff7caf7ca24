package io.stepwise.server.flows;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Asks one question and waits for a person's answer; the topic "fail" makes the first step throw. */
@Workflow(name = "interview", timeout = "60s")
public class InterviewFlow {
  public record Topic(String topic) implements StartEvent {}

  public record Question(String prompt) implements InputRequiredEvent {}

  public record Reply(String text) implements HumanResponseEvent {}

  public record Progress(String message) implements Event {}

  public record Summary(String answer) implements StopEvent {}

  @Step
  Question ask(Topic topic, Context<?> ctx) {
    if ("fail".equals(topic.topic())) {
      throw new IllegalStateException("no questions about fail");
    }
    ctx.writeEventToStream(new Progress("asking about " + topic.topic()));
    return new Question("What about " + topic.topic() + "?");
  }

  @Step
  Summary finish(Reply reply) {
    return new Summary(reply.text());
  }
}
