package io.stepwise.retry;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which errors a policy retries: a predicate over the exception a step threw, with {@link #and},
 * {@link #or} and {@link #negate} to combine them.
 */
@FunctionalInterface
public interface RetryOn {
  /** Whether {@code error} is worth another attempt. */
  boolean test(Throwable error);

  default RetryOn and(RetryOn other) {
    Objects.requireNonNull(other, "other");
    return error -> test(error) && other.test(error);
  }

  default RetryOn or(RetryOn other) {
    Objects.requireNonNull(other, "other");
    return error -> test(error) || other.test(error);
  }

  default RetryOn negate() {
    return error -> !test(error);
  }

  /** Every exception. */
  static RetryOn any() {
    return error -> true;
  }

  /** Exceptions that are instances of one of {@code types}. */
  @SafeVarargs
  static RetryOn exception(Class<? extends Throwable>... types) {
    List<Class<? extends Throwable>> listed = List.of(types);
    if (listed.isEmpty()) {
      throw new IllegalArgumentException("RetryOn.exception needs at least one exception type");
    }
    return error -> listed.stream().anyMatch(type -> type.isInstance(error));
  }

  /** Exceptions that are instances of none of {@code types}. */
  @SafeVarargs
  static RetryOn exceptionExcept(Class<? extends Throwable>... types) {
    return exception(types).negate();
  }

  /** Exceptions whose message contains a match of the regular expression {@code regex}. */
  static RetryOn messageMatching(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return error -> error.getMessage() != null && pattern.matcher(error.getMessage()).find();
  }

  /** Exceptions whose message is exactly {@code message}. */
  static RetryOn messageEquals(String message) {
    Objects.requireNonNull(message, "message");
    return error -> message.equals(error.getMessage());
  }

  /**
   * Exceptions caused, at any depth of {@link Throwable#getCause()}, by an instance of one of
   * {@code types}: say, an {@code IOException} wrapped in an {@code UncheckedIOException} or a
   * client library's own exception.
   */
  @SafeVarargs
  static RetryOn cause(Class<? extends Throwable>... types) {
    RetryOn direct = exception(types);
    return error -> {
      // Bounded, so that a cycle of causes cannot hang the control loop.
      Throwable cause = error.getCause();
      for (int depth = 0; cause != null && depth < 64; depth++, cause = cause.getCause()) {
        if (direct.test(cause)) {
          return true;
        }
      }
      return false;
    };
  }
}
