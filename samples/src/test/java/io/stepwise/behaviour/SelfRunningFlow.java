package io.stepwise.behaviour;

import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** A workflow class that runs itself through its own generated class (javac used to crash on it). */
@Workflow
public class SelfRunningFlow {
  public record Go(int n) implements StartEvent {}
  public record Doubled(int n) implements StopEvent {}

  @Step
  Doubled twice(Go go) {
    return new Doubled(go.n() * 2);
  }

  int runOnce(int n) {
    var run = SelfRunningFlow_Workflow.of(this).run(new Go(n));
    return run.result().n();
  }
}
