package io.stepwise;

/** Base of the exceptions a run reports to its caller. */
public class WorkflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WorkflowException(String message) {
    super(message);
  }

  public WorkflowException(String message, Throwable cause) {
    super(message, cause);
  }
}
