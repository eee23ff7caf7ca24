package io.stepwise.samples.extraction.parse;

/** A document could not be turned into text; the message says why and what to do. */
public final class UnreadableDocumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadableDocumentException(String message) {
    super(message);
  }

  public UnreadableDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
