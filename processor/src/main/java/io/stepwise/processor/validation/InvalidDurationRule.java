package io.stepwise.processor.validation;

import java.time.Duration;
import java.util.Optional;

/** {@code [Stepwise/InvalidDuration]}: a duration string of the DSL that does not parse fails the build, not the first run. */
public final class InvalidDurationRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/InvalidDuration]";
  }

  /**
   * @param subject what has the duration, e.g. {@code Step 'x' has timeout}
   * @param parsed the text as parsed, empty when it is not a duration
   */
  public Optional<String> check(String subject, String text, Optional<Duration> parsed) {
    return parsed.isPresent() ? Optional.empty() : Optional.of(message(subject + " = \"" + text
        + "\", which is not a duration. Write it as \"500ms\", \"30s\", \"2m\", \"1h\" or ISO-8601 \"PT30S\"."));
  }
}
