package io.stepwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Retry policy of a step, used as {@code @Step(retry = @Retry(maxAttempts = 3, delay = "1s"))}.
 * The delay before attempt {@code n + 1} is {@code delay * backoff^(n-1)}, capped by
 * {@code maxDelay}, then spread by {@code jitter}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Retry {
  /** Executions in total, the first included: 3 means up to three runs. */
  int maxAttempts() default 3;

  /** Delay before the first retry (a duration string). */
  String delay() default "1s";

  /** Factor applied to the delay after each retry; 1.0 keeps it constant. */
  double backoff() default 2.0;

  /** Upper bound of any delay (a duration string); empty for none. */
  String maxDelay() default "";

  /** Fraction (0.0 to 1.0) by which a delay is randomly shortened or lengthened. */
  double jitter() default 0.0;

  /** Exception types that are retried; empty means every exception. */
  Class<? extends Throwable>[] on() default {};

  /** Exception types that are never retried, even when {@link #on()} matches. */
  Class<? extends Throwable>[] notOn() default {};
}
