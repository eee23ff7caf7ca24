package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles test sources with the processor, the way a user's build would. */
final class Compilations {
  private static final Pattern TYPE_NAME = Pattern.compile("(?:record|class|interface|enum)\\s+(\\w+)");

  private Compilations() {}

  /** Compiles with the project's lint settings; the processing lint is off as in the build. */
  static Compilation compile(List<JavaFileObject> sources) {
    return compileWith(List.of(new StepwiseProcessor()), sources);
  }

  /** Compiles with these processors, in this order, instead of Stepwise's alone. */
  static Compilation compileWith(List<Processor> processors, List<JavaFileObject> sources) {
    return Compiler.javac()
        .withProcessors(processors)
        .withOptions("-Xlint:all,-processing")
        .compile(sources);
  }

  /** A workflow file plus one file per event declaration, all in package {@code test}. */
  static Compilation compile(JavaFileObject workflow, String... events) {
    var sources = new ArrayList<JavaFileObject>();
    sources.add(workflow);
    for (String event : events) {
      sources.add(event(event));
    }
    return compile(sources);
  }

  /** A public top-level event type in package {@code test}, e.g. {@code record Start() implements StartEvent {}}. */
  static JavaFileObject event(String declaration) {
    var matcher = TYPE_NAME.matcher(declaration);
    assertWithMessage("no type name in %s", declaration).that(matcher.find()).isTrue();
    return JavaFileObjects.forSourceString("test." + matcher.group(1),
        "package test;\n\nimport io.stepwise.*;\n\npublic " + declaration + "\n");
  }

  /** A source in package {@code test} with the DSL's usual imports; {@code body} starts on line 8. */
  static JavaFileObject workflow(String className, String body) {
    return JavaFileObjects.forSourceString("test." + className, """
        package test;

        import io.stepwise.*;
        import io.stepwise.annotations.*;
        import java.util.*;
        import java.util.concurrent.*;

        """ + body);
  }

  /** The 1-based line of the only line that contains {@code fragment}, so tests name lines by content. */
  static int lineOf(JavaFileObject source, String fragment) {
    String[] lines = content(source).split("\n", -1);
    int found = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        assertWithMessage("fragment '%s' occurs more than once", fragment).that(found).isEqualTo(-1);
        found = i + 1;
      }
    }
    assertWithMessage("fragment '%s' not found", fragment).that(found).isNotEqualTo(-1);
    return found;
  }

  /**
   * Asserts the compilation failed with exactly one error: {@code message} verbatim, in
   * {@code file} on the line containing {@code lineFragment}.
   */
  static void assertOnlyError(Compilation compilation, JavaFileObject file, String lineFragment, String message) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(lineOf(file, lineFragment));
    assertThat(compilation.errors().getFirst().getMessage(null)).isEqualTo(message);
  }

  /** Every error message, in report order. */
  static List<String> errorMessages(Compilation compilation) {
    return compilation.errors().stream().map(d -> d.getMessage(null)).toList();
  }

  static List<Long> errorLines(Compilation compilation) {
    return compilation.errors().stream().map(Diagnostic::getLineNumber).toList();
  }

  static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
