package io.stepwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Workflow} class that provides a resource: steps and other
 * providers receive it by declaring a parameter of its type.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Provides {
  /** Create once per workflow instance (true) or once for each step execution (false). */
  boolean cached() default true;

  /** Qualifier that tells apart two resources of one type; empty for the only one. */
  String name() default "";

  /**
   * On a step or provider parameter: receive the resource of the parameter's type whose provider
   * says {@code @Provides(name = value)}. Needed only when more than one provider returns that type.
   */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.PARAMETER)
  @interface Named {
    /** The provider's {@link Provides#name()}. */
    String value();
  }
}
