package io.stepwise.processor.validation;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code [Stepwise/StateConflict]}: the steps of a workflow share one state, so they name one
 * state type, and the generated code must be able to create it with {@code new S()}.
 */
public final class StateConflictRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/StateConflict]";
  }

  /**
   * @param named each step that names a state type, by step name (sorted), with that type's label
   * @param differ whether the types are not all the same type
   */
  public Optional<String> checkOneType(String workflow, Map<String, String> named, boolean differ) {
    if (!differ) {
      return Optional.empty();
    }
    String uses = named.entrySet().stream()
        .map(e -> "'" + e.getKey() + "' uses " + e.getValue())
        .collect(Collectors.joining(", "));
    return Optional.of(message("Steps of workflow '" + workflow + "' name different state types: " + uses
        + ". Name one state type in every Context<S> of the workflow."));
  }

  /**
   * @param step the first step that names the state type
   * @param problem why {@code new S()} would not compile, e.g. {@code is abstract}; null when it would
   */
  public Optional<String> checkCreatable(String step, String stateLabel, String problem) {
    return problem == null ? Optional.empty() : Optional.of(message("Step '" + step + "' names state type "
        + stateLabel + ", which " + problem + ". Name a non-generic class or record with a public no-arg"
        + " constructor."));
  }
}
