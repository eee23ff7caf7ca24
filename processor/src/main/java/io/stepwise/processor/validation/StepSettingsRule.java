package io.stepwise.processor.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code [Stepwise/StepSignature]}, the numbers of {@code @Step} and {@code @Retry}: values the
 * runtime would reject when the generated class loads are rejected at compile time instead.
 */
public final class StepSettingsRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/StepSignature]";
  }

  /** @param step {@code Step 'x'} */
  public Optional<String> checkWorkers(String step, int workers) {
    return workers < 1
        ? Optional.of(message(step + " has workers = " + workers + ". Set workers to 1 or more."))
        : Optional.empty();
  }

  /** @param step {@code Step 'x'} */
  public List<String> checkRetry(String step, int maxAttempts, double jitter) {
    var messages = new ArrayList<String>();
    if (maxAttempts < 1) {
      messages.add(message(step + " has retry.maxAttempts = " + maxAttempts + ". Set maxAttempts to 1 or more."));
    }
    if (jitter < 0.0 || jitter > 1.0) {
      messages.add(message(step + " has retry.jitter = " + jitter + ". Set jitter between 0.0 and 1.0."));
    }
    return messages;
  }
}
