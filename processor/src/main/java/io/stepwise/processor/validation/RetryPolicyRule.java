package io.stepwise.processor.validation;

import java.util.List;
import java.util.Optional;

/**
 * {@code [Stepwise/RetryPolicy]}: a step's {@code retryPolicy} names exactly one provider of a
 * {@code RetryPolicy}, and the step does not also say {@code @Retry}, since only one can decide.
 */
public final class RetryPolicyRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/RetryPolicy]";
  }

  /** @param step {@code Step 'x'}; @param retryWritten whether the step also writes {@code retry = @Retry(...)} */
  public Optional<String> checkExclusive(String step, String policy, boolean retryWritten) {
    return retryWritten ? Optional.of(message(step + " has both retry = @Retry(...) and retryPolicy = \"" + policy
        + "\", and only one can decide. Keep one of them.")) : Optional.empty();
  }

  /**
   * @param policies every provider of a RetryPolicy, described and sorted
   * @param matches those whose method name or {@code @Provides(name)} is {@code policy}, described and sorted
   */
  public Optional<String> checkProvider(String step, String policy, List<String> policies, List<String> matches) {
    String prefix = step + " has retryPolicy = \"" + policy + "\"";
    if (matches.isEmpty()) {
      String existing = policies.isEmpty()
          ? "the class has no @Provides method that returns a RetryPolicy"
          : "the retry policies are " + String.join(", ", policies);
      return Optional.of(message(prefix + ", but no provider of that name returns a RetryPolicy; " + existing
          + ". Add a @Provides method " + policy + "() that returns io.stepwise.RetryPolicy, or name an existing"
          + " one."));
    }
    if (matches.size() > 1) {
      return Optional.of(message(prefix + ", which matches " + matches.size() + " providers: "
          + String.join(", ", matches) + ". Give each RetryPolicy provider a distinct method name and"
          + " @Provides(name)."));
    }
    return Optional.empty();
  }
}
