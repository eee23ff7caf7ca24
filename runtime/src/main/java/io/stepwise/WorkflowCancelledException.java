package io.stepwise;

/** The run was cancelled by its caller before it produced a result. */
public class WorkflowCancelledException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public WorkflowCancelledException(String message) {
    super(message);
  }
}
