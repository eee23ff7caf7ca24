package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/**
 * Everything that can go wrong from one start event: the command picks a failing step, a
 * hanging step, an undeclared send, or a question for a human.
 */
@Workflow(timeout = "20s")
public class TroubleFlow {
  public record Command(String what) implements StartEvent {}
  public sealed interface Trouble extends Event permits Fail, Hang, Sneak {}
  public record Fail(String message) implements Trouble {}
  public record Hang() implements Trouble {}
  public record Sneak() implements Trouble {}
  public record Extra() implements Event {}
  public record Question(String text) implements InputRequiredEvent {}
  public record Answer(String text) implements HumanResponseEvent {}
  public record Outcome(String text) implements StopEvent {}

  /** Picks one kind of trouble, or asks the human a question instead. */
  @Step
  Trouble dispatch(Command command, Context<?> ctx) {
    return switch (command.what()) {
      case "fail" -> new Fail("boom");
      case "hang" -> new Hang();
      case "sneak" -> new Sneak();
      default -> {
        ctx.sendEvent(new Question("Proceed with " + command.what() + "?"));
        yield null;
      }
    };
  }

  @Step
  Outcome fail(Fail fail) {
    throw new IllegalStateException(fail.message());
  }

  @Step
  Outcome hang(Hang hang) throws InterruptedException {
    Thread.sleep(60_000);
    return new Outcome("woke up");
  }

  @Step
  Outcome sneak(Sneak sneak, Context<?> ctx) {
    Event undeclared = new Extra();
    ctx.sendEvent(undeclared);
    return new Outcome("sneaked");
  }

  @Step
  Outcome answer(Answer answer) {
    return new Outcome("human said " + answer.text());
  }
}
