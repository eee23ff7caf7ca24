package io.stepwise.processor.validation;

/**
 * {@code [Stepwise/InternalError]}: not a rule about the user's code but the id of the one error
 * the processor reports when it fails itself; {@code InternalErrorMessage} writes it with
 * {@link #message}.
 */
public final class InternalErrorRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/InternalError]";
  }
}
