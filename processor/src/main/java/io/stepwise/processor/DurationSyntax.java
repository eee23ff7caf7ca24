package io.stepwise.processor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The duration strings of the DSL: {@code "500ms"}, {@code "30s"}, {@code "2m"}, {@code "1h"},
 * {@code "1d"}, or ISO-8601 such as {@code "PT30S"}. Parsed at compile time so a typo fails the
 * build instead of the first run.
 */
final class DurationSyntax {
  private static final Pattern SHORT = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");

  private DurationSyntax() {}

  /** The duration, {@link Duration#ZERO} for an empty string, or empty when the text is not a duration. */
  static Optional<Duration> parse(String text) {
    if (text.isEmpty()) {
      return Optional.of(Duration.ZERO);
    }
    var match = SHORT.matcher(text);
    try {
      if (match.matches()) {
        long amount = Long.parseLong(match.group(1));
        return Optional.of(switch (match.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        });
      }
      Duration iso = Duration.parse(text);
      return iso.isNegative() ? Optional.empty() : Optional.of(iso);
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
