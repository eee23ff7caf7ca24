package io.stepwise.benchmarks.flows;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Shape S5: the smallest useful workflow, two steps, run once by a fresh JVM. */
@Workflow
public class HelloFlow {
  public record Hello(String name) implements StartEvent {}
  public record Greeting(String text) implements Event {}
  public record Greeted(String text) implements StopEvent {}

  @Step
  Greeting greet(Hello hello) {
    return new Greeting("Hello, " + hello.name());
  }

  @Step
  Greeted finish(Greeting greeting) {
    return new Greeted(greeting.text() + "!");
  }
}
