package io.stepwise.processor.validation;

/**
 * {@code [Stepwise/StepOverride]}, a warning: a method that overrides a step without {@code @Step}
 * is not a step (as in Python, where the redefinition replaces the decorated method); since that is
 * easy to do by accident, it is said, unless the override says {@code @SuppressWarnings("stepwise")}.
 */
public final class StepOverrideRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/StepOverride]";
  }

  /**
   * @param annotation {@code @Step} or {@code @CatchError}, as the overridden method carries it
   * @param owner the overriding class; @param overridden the class of the step it hides
   */
  public String warning(String method, String owner, String overridden, String annotation, String workflow) {
    return message("Method '" + method + "' of " + owner + " overrides step '" + method + "' of " + overridden
        + " without " + annotation + ", so it is not a step of workflow '" + workflow + "'. Add " + annotation
        + " to keep the step, or @SuppressWarnings(\"stepwise\") to drop it.");
  }
}
