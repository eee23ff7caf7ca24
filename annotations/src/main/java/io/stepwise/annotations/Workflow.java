package io.stepwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose {@link Step} methods form one workflow; the processor generates
 * {@code Foo_Workflow} beside it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Workflow {
  /** Name of the workflow in graphs, logs and snapshots; the simple class name when empty. */
  String name() default "";

  /**
   * Timeout of a whole run ({@code "500ms"}, {@code "30s"}, {@code "2m"}, {@code "1h"}, or
   * ISO-8601 {@code "PT30S"}); parsed at compile time. {@code "0s"} means no timeout.
   */
  String timeout() default "45s";

  /**
   * How many runs of one compiled workflow ({@code Foo_Workflow.of(foo)}) run at once, as Python's
   * {@code Workflow(num_concurrent_runs=...)}: runs beyond it (new, resumed and child runs alike)
   * wait in FIFO order until one ends; their run timeout starts when they start. {@code 0}, the
   * default, means no limit. {@code CompiledWorkflow.withNumConcurrentRuns(n)} overrides it.
   */
  int numConcurrentRuns() default 0;

  /** Graph checks this workflow opts out of. */
  GraphCheck[] skipChecks() default {};

  /**
   * JSON codecs for field types the generated codecs cannot write (a library's value class, say).
   * Each class implements {@code io.stepwise.spi.JsonCodec<T>} for one concrete type {@code T}
   * and has an accessible no-arg constructor; the generated codecs then write every field of type
   * {@code T} of this workflow's events and state with it, inside lists, maps and optionals too.
   * Checked at compile time: at most one codec per type, and {@code T} must not be an event.
   */
  Class<?>[] codecs() default {};
}
