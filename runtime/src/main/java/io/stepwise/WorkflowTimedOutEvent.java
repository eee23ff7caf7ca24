package io.stepwise;

import java.time.Duration;
import java.util.List;

/** Terminal event of a run that exceeded its timeout, naming the steps that were still active. */
public record WorkflowTimedOutEvent(Duration timeout, List<String> activeSteps) implements StopEvent {
  public WorkflowTimedOutEvent {
    activeSteps = List.copyOf(activeSteps);
  }
}
