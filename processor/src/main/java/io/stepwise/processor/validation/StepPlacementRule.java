package io.stepwise.processor.validation;

import java.util.Optional;

/**
 * {@code [Stepwise/StepSignature]}, a step among the workflow's others: the generated code can call
 * it, and its name addresses it alone (graph, {@code sendEvent(ev, step)}), so no overloads.
 */
public final class StepPlacementRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/StepSignature]";
  }

  /**
   * @param callable whether the generated code, in the workflow's package, can call the inherited step
   * @param owner the class that declares it; @param workflow the workflow class
   */
  public Optional<String> checkCallable(String step, boolean callable, String owner, String workflow) {
    return callable ? Optional.empty() : Optional.of(message("Step '" + step + "' is declared in " + owner
        + ", in another package than " + workflow + ", and is not public, so the generated code cannot call it."
        + " Make it public."));
  }

  /** @param duplicate whether an earlier step has the same name */
  public Optional<String> checkUnique(String step, boolean duplicate) {
    return duplicate ? Optional.of(message("Step '" + step
        + "' is declared more than once. Give each step a distinct method name.")) : Optional.empty();
  }
}
