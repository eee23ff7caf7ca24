package io.stepwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a step or provider parameter: the resource is a record read from a JSON file, as
 * {@code @Config("classifier.json") ClassifierConfig config}. The file is read once per compiled
 * workflow, on first use, with the workflow's generated codecs, and must fit the record exactly:
 * every field present, no field the record lacks. A relative path is read from the working
 * directory (or from {@code -Dstepwise.config.dir}); {@code classpath:app/classifier.json} reads a
 * resource beside the workflow class.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Config {
  /** The JSON file. */
  String value();

  /** A dotted path of fields to the section of the file that holds the record; empty for the whole file. */
  String select() default "";
}
