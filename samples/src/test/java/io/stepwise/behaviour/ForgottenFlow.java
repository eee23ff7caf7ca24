package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Waits for an answer with no timeout at all: a run whose caller may forget it. */
@Workflow(timeout = "0s")
public class ForgottenFlow {
  public record Go() implements StartEvent {}

  public record Ask(String question) implements InputRequiredEvent {}

  public record Answer(String text) implements HumanResponseEvent {}

  public record Done(String answer) implements StopEvent {}

  /** Counted down when the waiting step is let go. */
  final CountDownLatch letGo = new CountDownLatch(1);
  /** Counted down once the step waits. */
  final CountDownLatch waiting = new CountDownLatch(1);

  @Step
  Done ask(Go ev, Context<?> ctx) {
    waiting.countDown();
    try {
      return new Done(ctx.waitForEvent(Answer.class, new Ask("anyone?"), answer -> true, Duration.ZERO).text());
    } catch (WorkflowCancelledException e) {
      letGo.countDown();
      throw e;
    }
  }
}
