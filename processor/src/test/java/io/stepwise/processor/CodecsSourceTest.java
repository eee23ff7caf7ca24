package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.content;
import static io.stepwise.processor.Compilations.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The generated codecs as text (a golden file): constants, their order, and the registry. */
class CodecsSourceTest {
  private static final String ORDER_FLOW = """
      @Workflow(name = "orders")
      public class OrderFlow {
        @Step
        Shipped ship(Order order, Context<?> ctx) {
          ctx.writeEventToStream(new Note(Optional.of("packing"), Map.of()));
          return new Shipped(order.id(), null);
        }
      }
      """;

  @Test
  void generatedCodecsMatchGoldenFile() throws IOException {
    var compilation = compile(workflow("OrderFlow", ORDER_FLOW),
        "record Order(String id, int count, java.util.List<Line> lines, Color color) implements StartEvent {}",
        "record Line(long sku, java.math.BigDecimal price, Shape shape, Line[] parts) {}",
        "enum Color { RED, GREEN }",
        "sealed interface Shape permits Circle, Square {}",
        "record Circle(double radius) implements Shape {}",
        "final class Square implements Shape { public int side; String label = \"sq\"; transient Object cache; }",
        "record Shipped(String id, Event cause) implements StopEvent {}",
        "record Note(java.util.Optional<String> text, java.util.Map<String, java.util.List<java.time.Instant>> times) implements Event {}");
    assertThat(compilation).succeededWithoutWarnings();
    String generated = content(compilation.generatedSourceFile("test.OrderFlow_Codecs").orElseThrow());
    if (System.getenv("STEPWISE_UPDATE_GOLDEN") != null) {
      Files.writeString(Path.of("src/test/resources/golden/OrderFlow_Codecs.java.txt"), generated);
    }
    assertThat(generated).isEqualTo(resource("/golden/OrderFlow_Codecs.java.txt"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CodecsSourceTest.class.getResourceAsStream(name)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
