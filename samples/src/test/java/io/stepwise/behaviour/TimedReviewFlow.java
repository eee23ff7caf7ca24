package io.stepwise.behaviour;

import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.concurrent.atomic.AtomicInteger;

/** A review with a 3 s run timeout: it asks, and waits for the answer. */
@Workflow(name = "timed-review", timeout = "3s")
public class TimedReviewFlow {
  public record Submit(String draft) implements StartEvent {}

  public record ReviewWanted(String draft) implements InputRequiredEvent {}

  public record Verdict(boolean approved) implements HumanResponseEvent {}

  public record Reviewed(String draft, boolean approved) implements StopEvent {}

  final AtomicInteger asked = new AtomicInteger();

  @Step
  ReviewWanted ask(Submit submit) {
    asked.incrementAndGet();
    return new ReviewWanted(submit.draft());
  }

  @Step
  Reviewed decide(Verdict verdict) {
    return new Reviewed("draft", verdict.approved());
  }
}
