package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;

/** A base class whose step the workflows that extend it inherit; the salutation is theirs to say. */
public abstract class GreetingBase {
  public record Name(String who) implements StartEvent {}
  public record Greeting(String text) implements Event {}
  public record Card(String text) implements StopEvent {}
  public record Audit(String step) implements Event {}

  @Step
  Greeting greet(Name name, Context<?> ctx) {
    ctx.writeEventToStream(new Audit("greet"));
    return new Greeting(salutation() + ", " + name.who());
  }

  /** Called by the inherited step on the workflow instance, so the subclass decides. */
  protected abstract String salutation();
}
