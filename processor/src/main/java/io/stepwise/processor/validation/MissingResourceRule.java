package io.stepwise.processor.validation;

import java.util.List;
import java.util.Optional;

/**
 * {@code [Stepwise/MissingResource]}: a parameter that is neither an event nor a Context must be
 * provided by a {@code @Provides} method of the workflow class.
 */
public final class MissingResourceRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/MissingResource]";
  }

  /**
   * @param subject {@code Step 'x' parameter 'p' of type T}, with its {@code named "q"} if any
   * @param qualifier the {@code @Provides.Named} value, or null
   * @param providers every provider of the class, described and sorted
   * @param matches how many providers match the parameter
   */
  public Optional<String> check(String subject, String typeLabel, String qualifier, List<String> providers,
      int matches) {
    if (matches > 0) {
      return Optional.empty();
    }
    String existing = providers.isEmpty()
        ? "the class has no @Provides methods"
        : "the providers are " + String.join(", ", providers);
    String provider = qualifier == null ? "a @Provides method" : "a @Provides(name = \"" + qualifier + "\") method";
    return Optional.of(message(subject + " is neither an event, a Context, nor provided by a @Provides method; "
        + existing + ". Add " + provider + " that returns " + typeLabel + ", or remove the parameter."));
  }
}
