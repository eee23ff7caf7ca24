package io.stepwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Workflow} class as a step: it runs when the events named by its
 * event parameters arrive, and the events it returns or sends are routed onwards.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Step {
  /** Maximum concurrent executions of this step within one run; the rest queue FIFO. */
  int workers() default 4;

  /** How a failed execution is retried; the default runs once and never retries. */
  Retry retry() default @Retry(maxAttempts = 1, delay = "0s");

  /**
   * The retry policy object this step uses instead of {@link #retry()}: the name of a
   * {@code @Provides} method of the workflow that returns an {@code io.stepwise.RetryPolicy} (its
   * method name, or its {@code @Provides(name)}). Empty for none.
   */
  String retryPolicy() default "";

  /** Timeout of one execution (a duration string as in {@link Workflow#timeout()}); empty for none. */
  String timeout() default "";

  /**
   * Events this step sends or returns that the processor cannot see in its signature or in
   * {@code ctx.sendEvent(...)} calls with a concrete static type.
   */
  Class<?>[] emits() default {};

  /** Route subclasses of the event parameter types to this step too (default: exact type only). */
  boolean acceptSubtypes() default false;

  /** Graph checks this step opts out of. */
  GraphCheck[] skipChecks() default {};
}
