package io.stepwise.behaviour;

import io.stepwise.annotations.Workflow;

/** A workflow made only of inherited steps: greet from its base class, sign from an interface. */
@Workflow
public class PoliteFlow extends GreetingBase implements Signed {
  @Override
  protected String salutation() {
    return "Good day";
  }
}
