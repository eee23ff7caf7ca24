package io.stepwise.processor.validation;

/**
 * {@code [Stepwise/UnseenEvent]}: once javac has attributed a step body, every event it sends,
 * streams or waits for is one the generated code allows; judged by {@code SendCheck}, which writes
 * its messages with {@link #message}.
 */
public final class UnseenEventRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/UnseenEvent]";
  }
}
