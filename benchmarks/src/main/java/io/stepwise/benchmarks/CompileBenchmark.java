package io.stepwise.benchmarks;

import io.stepwise.processor.StepwiseProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Compile time of a generated {@code steps}-step workflow with javac in-process, with the Stepwise
 * processor ({@code processor=stepwise}) and without it ({@code none}), so the difference is what
 * the processor adds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {
  @Param("200")
  public int steps;

  @Param({"stepwise", "none"})
  public String processor;

  private JavaCompiler javac;
  private JavaFileObject source;
  private Path output;

  @Setup(Level.Trial)
  public void writeSource() throws IOException {
    javac = ToolProvider.getSystemJavaCompiler();
    String name = GeneratedSource.PACKAGE.replace('.', '/') + "/" + GeneratedSource.className(steps);
    String code = GeneratedSource.chain(steps);
    source = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    };
    output = Files.createTempDirectory("stepwise-compile-bench");
  }

  @TearDown(Level.Trial)
  public void deleteOutput() throws IOException {
    try (Stream<Path> files = Files.walk(output)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Benchmark
  public int compileGeneratedWorkflow() {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(output));
      List<String> options = "stepwise".equals(processor)
          ? List.of("--release", "21", "-classpath", System.getProperty("java.class.path"))
          : List.of("--release", "21", "-classpath", System.getProperty("java.class.path"), "-proc:none");
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, List.of(source));
      if ("stepwise".equals(processor)) {
        task.setProcessors(List.of(new StepwiseProcessor()));
      }
      if (!task.call()) {
        throw new IllegalStateException("generated workflow did not compile: " + diagnostics.getDiagnostics());
      }
      return diagnostics.getDiagnostics().size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
