package io.stepwise.dbos;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Asks a question, checks the answer, then finishes (as slowly as the answer says): human in the loop. */
@Workflow(timeout = "120s")
public class AskFlow {
  public record Begin(String topic) implements StartEvent {}

  public record Question(String text) implements InputRequiredEvent {}

  public record Reply(String text, long finishMillis) implements HumanResponseEvent {}

  public record Checked(String text, long finishMillis) implements Event {}

  public record Answered(String text) implements StopEvent {}

  private final Ledger ledger;

  public AskFlow(Ledger ledger) {
    this.ledger = ledger;
  }

  @Step
  Question ask(Begin begin, Context<?> ctx) {
    ledger.write(ctx.runId(), "ask", "began");
    ledger.write(ctx.runId(), "ask", "completed");
    return new Question("What about " + begin.topic() + "?");
  }

  @Step
  Checked answer(Reply reply, Context<?> ctx) {
    ledger.write(ctx.runId(), "answer", "began");
    ledger.write(ctx.runId(), "answer", "completed");
    return new Checked(reply.text(), reply.finishMillis());
  }

  @Step
  Answered finish(Checked checked, Context<?> ctx) throws InterruptedException {
    ledger.write(ctx.runId(), "finish", "began");
    Thread.sleep(checked.finishMillis());
    ledger.write(ctx.runId(), "finish", "completed");
    return new Answered(checked.text());
  }
}
