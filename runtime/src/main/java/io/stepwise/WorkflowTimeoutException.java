package io.stepwise;

import java.time.Duration;
import java.util.List;

/** The run exceeded its timeout. */
public class WorkflowTimeoutException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final Duration timeout;
  @SuppressWarnings("serial") // List.copyOf lists are serializable; the declared type cannot say so
  private final List<String> activeSteps;

  public WorkflowTimeoutException(String message, Duration timeout, List<String> activeSteps) {
    super(message);
    this.timeout = timeout;
    this.activeSteps = List.copyOf(activeSteps);
  }

  public Duration timeout() {
    return timeout;
  }

  /** Steps that were running or had queued work when the timeout fired, sorted. */
  public List<String> activeSteps() {
    return activeSteps;
  }
}
