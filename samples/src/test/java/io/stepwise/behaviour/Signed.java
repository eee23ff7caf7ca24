package io.stepwise.behaviour;

import io.stepwise.annotations.Step;

/** A step as an interface's default method: every workflow that implements it has the step. */
public interface Signed {
  @Step
  default GreetingBase.Card sign(GreetingBase.Greeting greeting) {
    return new GreetingBase.Card(greeting.text() + ". Regards");
  }
}
