package io.stepwise.processor;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Stands for another annotation processor in the same compile: in the first round it writes the
 * given sources, which therefore do not exist while Stepwise's processor reads that round. Like
 * AutoValue, it runs when its own annotation is present: add {@link #TRIGGER} to the sources.
 */
final class GeneratingProcessor extends AbstractProcessor {
  /** A class carrying the annotation this processor answers to. */
  static final JavaFileObject TRIGGER = JavaFileObjects.forSourceString("test.Trigger", """
      package test;

      @Trigger.Generate
      final class Trigger {
        @interface Generate {}
      }
      """);

  private final Map<String, String> sources;
  private boolean written;

  /** @param sources Java source by qualified type name */
  GeneratingProcessor(Map<String, String> sources) {
    this.sources = sources;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("test.Trigger.Generate");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (written) {
      return false;
    }
    written = true;
    sources.forEach((name, source) -> {
      try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        writer.write(source);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return false;
  }
}
