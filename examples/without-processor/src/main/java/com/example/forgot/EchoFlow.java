package com.example.forgot;

import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** A valid workflow that nobody processes: no {@code EchoFlow_Workflow} is generated. */
@Workflow
public class EchoFlow {
  public record Say(String text) implements StartEvent {}

  public record Said(String text) implements StopEvent {}

  @Step
  Said echo(Say ev) {
    return new Said(ev.text());
  }
}
