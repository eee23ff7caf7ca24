package io.stepwise.processor.validation;

import java.util.List;
import java.util.Optional;

/**
 * {@code [Stepwise/AmbiguousResource]}: a resource parameter must match one provider; when several
 * return its type, {@code @Provides.Named} picks one.
 */
public final class AmbiguousResourceRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/AmbiguousResource]";
  }

  /**
   * @param subject {@code Step 'x' parameter 'p' of type T}, with its {@code named "q"} if any
   * @param matches the matching providers, described and sorted
   * @param sameName whether they all have the same {@code @Provides(name)}, so no name can pick one
   */
  public Optional<String> check(String subject, String typeLabel, List<String> matches, boolean sameName) {
    if (matches.size() < 2) {
      return Optional.empty();
    }
    String fix = sameName
        ? "Give each provider of " + typeLabel + " a distinct @Provides(name = ...)."
        : "Pick one with @Provides.Named(\"...\") on the parameter.";
    return Optional.of(message(subject + " matches " + matches.size() + " providers: " + String.join(", ", matches)
        + ". " + fix));
  }
}
