package io.stepwise.store;

import io.stepwise.WorkflowException;

/** A run store could not do what was asked: the store is unreachable, or what it holds is unreadable. */
public class RunStoreException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  public RunStoreException(String message) {
    super(message);
  }

  public RunStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
