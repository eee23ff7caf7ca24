package io.stepwise.samples.guide.hitl;

import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/**
 * The guide's human-in-the-loop pattern (section 3.1): the first step asks for input and the
 * path pauses; the caller answers with {@code handler.sendEvent(...)} and the second step runs.
 */
@Workflow(timeout = "5m")
public class HumanInTheLoopFlow {
  /** Starts a run. */
  public record Begin() implements StartEvent {}

  /** Asks the person for input; {@code prefix} is the prompt to show. */
  public record AskNumber(String prefix) implements InputRequiredEvent {}

  /** The person's answer. */
  public record Answer(String response) implements HumanResponseEvent {}

  /** The run's result: the answer, as given. */
  public record Answered(String response) implements StopEvent {}

  @Step
  AskNumber step1(Begin ev) {
    return new AskNumber("Enter a number: ");
  }

  @Step
  Answered step2(Answer ev) {
    return new Answered(ev.response());
  }
}
