package io.stepwise.behaviour;

import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Extends a workflow and overrides one of its steps: the override is the step that runs. */
@Workflow
public class ShoutingFlow extends PoliteFlow {
  @Override
  @Step
  public Card sign(Greeting greeting) {
    return new Card(greeting.text().toUpperCase() + "!");
  }
}
