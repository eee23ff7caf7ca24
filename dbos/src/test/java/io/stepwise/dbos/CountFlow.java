package io.stepwise.dbos;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** A chain of as many step executions as the start event says: the shape of the overhead measurement. */
@Workflow(timeout = "60s")
public class CountFlow {
  public record Begin(int steps) implements StartEvent {}

  public sealed interface Next extends Event permits Count, Counted {}

  public record Count(int n, int of) implements Next {}

  public record Counted(int n) implements StopEvent, Next {}

  @Step
  Count begin(Begin begin) {
    return new Count(1, begin.steps());
  }

  @Step
  Next count(Count count) {
    return count.n() + 1 >= count.of() ? new Counted(count.n() + 1) : new Count(count.n() + 1, count.of());
  }
}
