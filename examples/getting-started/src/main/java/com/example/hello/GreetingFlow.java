package com.example.hello;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Two steps: tidy the name, then greet. The processor writes {@code GreetingFlow_Workflow}. */
@Workflow
public class GreetingFlow {
  public record Greet(String name) implements StartEvent {}

  public record NameTidied(String name) implements Event {}

  public record Greeting(String text) implements StopEvent {}

  @Step
  NameTidied tidy(Greet ev) {
    String name = ev.name().strip();
    return new NameTidied(name.isEmpty() ? "stranger" : name);
  }

  @Step
  Greeting greet(NameTidied ev) {
    return new Greeting("Hello, " + ev.name() + "!");
  }
}
