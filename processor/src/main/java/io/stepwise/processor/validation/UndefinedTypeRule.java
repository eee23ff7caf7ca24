package io.stepwise.processor.validation;

/**
 * {@code [Stepwise/UndefinedType]}: a type the workflow uses exists by the last round; judged by
 * the processor, which defers a workflow until then and writes its message with {@link #message}.
 */
public final class UndefinedTypeRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/UndefinedType]";
  }
}
