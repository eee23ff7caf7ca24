package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.behaviour.ChildFlows.Ask;
import io.stepwise.behaviour.ChildFlows.Found;
import io.stepwise.behaviour.ChildSnapshotFlows.Question;
import java.time.Duration;

/** Children that ask a person, answered through their parent's handler; parents are {@link ChildSnapshotFlows.AskingParent}. */
final class ChildAnswerFlows {
  private ChildAnswerFlows() {}

  record Answer(String text) implements HumanResponseEvent {}

  /** An event no workflow here accepts. */
  record Stray() implements Event {}

  /** Returns its question as an input-required event; another step takes the person's answer. */
  @Workflow(name = "questioning-child", timeout = "0s")
  static class QuestioningChild {
    @Step
    Question prepare(Ask ask) {
      return new Question("what about " + ask.topic() + "?");
    }

    @Step
    Found listen(Answer answer) {
      return new Found("answered: " + answer.text());
    }
  }

  /** Asks with {@code ctx.waitForEvent} and blocks its step until the answer arrives. */
  @Workflow(name = "waiting-child", timeout = "0s")
  static class WaitingChild {
    @Step
    Found ask(Ask ask, Context<?> ctx) {
      Answer answer = ctx.waitForEvent(Answer.class, new Question("what about " + ask.topic() + "?"),
          any -> true, Duration.ZERO);
      return new Found("waited for: " + answer.text());
    }
  }
}
