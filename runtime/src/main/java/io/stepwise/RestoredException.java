package io.stepwise;

/**
 * An exception decoded from JSON: JSON keeps only the original exception's type name and message,
 * so a {@link StepFailedEvent} read back carries this in place of the original.
 */
public final class RestoredException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String originalType;

  public RestoredException(String originalType, String message) {
    super(message, null, false, false);
    this.originalType = originalType;
  }

  /** The fully qualified class name of the exception that was written. */
  public String originalType() {
    return originalType;
  }

  @Override
  public String toString() {
    return getMessage() == null ? originalType : originalType + ": " + getMessage();
  }
}
