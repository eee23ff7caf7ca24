package io.stepwise.samples.extraction;

/**
 * The model gave no usable reply within the allowed attempts; the message quotes the last
 * reply's problems, and the cause is that last rejection.
 */
public final class ExtractionFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ExtractionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
