package io.stepwise;

import java.time.Duration;

/** {@link Context#waitForEvent} saw no matching event within its timeout. */
public class WaitTimeoutException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final String awaitedType;
  private final Duration timeout;

  public WaitTimeoutException(String message, String awaitedType, Duration timeout) {
    super(message);
    this.awaitedType = awaitedType;
    this.timeout = timeout;
  }

  /** Name of the event class the step waited for. */
  public String awaitedType() {
    return awaitedType;
  }

  public Duration timeout() {
    return timeout;
  }
}
