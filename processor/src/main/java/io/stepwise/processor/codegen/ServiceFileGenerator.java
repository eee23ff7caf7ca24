package io.stepwise.processor.codegen;

import java.util.Collection;
import java.util.TreeSet;

/** The {@code META-INF/services} file that lets tools find generated definitions without reflection. */
public final class ServiceFileGenerator {
  public static final String PATH = "META-INF/services/io.stepwise.spi.WorkflowDefinition";

  private ServiceFileGenerator() {}

  /** Binary class names, sorted so the file does not depend on processing order. */
  public static String content(Collection<String> definitions) {
    var sorted = new TreeSet<>(definitions);
    var text = new StringBuilder();
    sorted.forEach(name -> text.append(name).append('\n'));
    return text.toString();
  }
}
