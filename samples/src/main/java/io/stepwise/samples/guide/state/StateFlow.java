package io.stepwise.samples.guide.state;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/**
 * The guide's typed state (section 2.2.a): the first step copies the start event's fields into
 * the run's {@link UserState} inside {@code editState}, and a later step reads them back.
 */
@Workflow
public class StateFlow {
  /** Starts a run with a user's details. */
  public record Begin(String username, String email, int age) implements StartEvent {}

  /** Moves the run on to the step that reads the state. */
  public record SecondEvent() implements Event {}

  /** Written to the stream when the state was edited. */
  public record StateEdited(String username) implements Event {}

  /** The run's result: what the last step read from the state. */
  public record Greeting(String text) implements StopEvent {}

  @Step
  SecondEvent modifyState(Begin ev, Context<UserState> ctx) {
    ctx.editState(state -> {
      state.age = ev.age();
      state.username = ev.username();
      state.email = ev.email();
    });
    ctx.writeEventToStream(new StateEdited(ev.username()));
    return new SecondEvent();
  }

  @Step
  Greeting greet(SecondEvent ev, Context<UserState> ctx) {
    UserState state = ctx.state();
    return new Greeting("Hello " + state.username + " (" + state.email + "), age " + state.age);
  }
}
