package io.stepwise;

/** A step failed and nothing recovered; {@link #getCause()} is the step's original exception. */
public class WorkflowFailedException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final String step;

  public WorkflowFailedException(String step, String message, Throwable cause) {
    super(message, cause);
    this.step = step;
  }

  /** Name of the step that failed. */
  public String step() {
    return step;
  }
}
