package io.stepwise.samples.guide.hitl;

import io.stepwise.Context;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Answer;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Answered;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.AskNumber;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Begin;
import java.time.Duration;

/**
 * The guide's human in the loop (section 3.1) in one step, with {@code ctx.waitForEvent}: the
 * step publishes the question and blocks its virtual thread until the answer arrives, then goes
 * on where it was (Python re-runs the step instead). The caller's side is the same as for
 * {@link HumanInTheLoopFlow}.
 */
@Workflow(timeout = "5m")
public class WaitingFlow {
  @Step
  Answered ask(Begin ev, Context<?> ctx) {
    Answer answer = ctx.waitForEvent(Answer.class, new AskNumber("Enter a number: "), any -> true, Duration.ofMinutes(4));
    return new Answered(answer.response());
  }
}
