package io.stepwise.dbos;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.time.Duration;

/**
 * Waits for people twice, with no run timeout, so idle release may let it go at either wait: first
 * a question no step is in flight for (a {@code Reply} starts the next step), then a
 * {@code waitForEvent} inside a step (the step is in flight, blocked; it runs again up to its wait
 * when the run is resumed).
 */
@Workflow(timeout = "0s")
public class ParkFlow {
  public record Begin(String topic) implements StartEvent {}

  public record Question(String text) implements InputRequiredEvent {}

  public record Reply(String text) implements HumanResponseEvent {}

  public record ConfirmPlease(String text) implements Event {}

  public record Confirm(String word) implements HumanResponseEvent {}

  public record Answered(String text) implements StopEvent {}

  private final Ledger ledger;

  public ParkFlow(Ledger ledger) {
    this.ledger = ledger;
  }

  @Step
  Question ask(Begin begin, Context<?> ctx) {
    ledger.write(ctx.runId(), "ask", "began");
    ledger.write(ctx.runId(), "ask", "completed");
    return new Question("What about " + begin.topic() + "?");
  }

  @Step
  Answered check(Reply reply, Context<?> ctx) {
    ledger.write(ctx.runId(), "check", "began");
    Confirm confirm = ctx.waitForEvent(Confirm.class, new ConfirmPlease(reply.text()), any -> true, Duration.ZERO);
    ledger.write(ctx.runId(), "check", "completed");
    return new Answered(reply.text() + " " + confirm.word());
  }
}
