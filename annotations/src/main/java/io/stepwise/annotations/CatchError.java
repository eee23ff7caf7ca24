package io.stepwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a step that handles the failure of other steps: it takes a {@code StepFailedEvent}
 * once their retries are exhausted, and may return an event that lets the run recover.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CatchError {
  /** Names of the steps this handler covers; empty makes it the wildcard handler. */
  String[] forSteps() default {};

  /** How many times one chain of events may be recovered by this handler; at least 1. */
  int maxRecoveries() default 1;
}
