package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.assertOnlyError;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.errorLines;
import static io.stepwise.processor.Compilations.errorMessages;
import static io.stepwise.processor.Compilations.lineOf;
import static io.stepwise.processor.Compilations.workflow;

import org.junit.jupiter.api.Test;

/** {@code [Stepwise/Unserializable]}: event fields the generated JSON codecs cannot write. */
class UnserializableTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String DONE = "record Done() implements StopEvent {}";
  private static final String FLOW = """
      @Workflow
      public class Flow {
        @Step
        Carrier begin(Start ev) { return null; }

        @Step
        Done end(Carrier ev) { return new Done(); }
      }
      """;

  @Test
  void socketFieldIsRejectedOnTheStepThatIntroducesTheEvent() {
    var flow = workflow("Flow", FLOW);
    var compilation = compile(flow, START, DONE, "record Carrier(String name, java.net.Socket socket) implements Event {}");
    assertOnlyError(compilation, flow, "Carrier begin(Start ev)",
        "[Stepwise/Unserializable] Event Carrier cannot be written to JSON: Carrier.socket has type"
            + " java.net.Socket." + " Use a supported type (see docs/persistence.md), mark the field transient in a class, or supply a codec:"
            + " @Workflow(codecs = YourCodec.class) with YourCodec implementing io.stepwise.spi.JsonCodec<java.net.Socket>.");
  }

  @Test
  void nestedFieldIsNamedByItsPath() {
    var flow = workflow("Flow", FLOW);
    var compilation = compile(flow, START, DONE,
        "record Carrier(java.util.Map<String, java.util.List<Item>> byName) implements Event {}",
        "record Item(String label, java.net.URI price) {}");
    assertOnlyError(compilation, flow, "Carrier begin(Start ev)",
        "[Stepwise/Unserializable] Event Carrier cannot be written to JSON: Carrier.byName{}[].price has type"
            + " java.net.URI." + " Use a supported type (see docs/persistence.md), mark the field transient in a class, or supply a codec:"
            + " @Workflow(codecs = YourCodec.class) with YourCodec implementing io.stepwise.spi.JsonCodec<java.net.URI>.");
  }

  @Test
  void sealedSubtypeIsNamedInThePath() {
    var flow = workflow("Flow", FLOW);
    var compilation = compile(flow, START, DONE,
        "record Carrier(Shape shape) implements Event {}",
        "sealed interface Shape permits Circle, Blob {}",
        "record Circle(double radius) implements Shape {}",
        "record Blob(Object data) implements Shape {}");
    assertOnlyError(compilation, flow, "Carrier begin(Start ev)",
        "[Stepwise/Unserializable] Event Carrier cannot be written to JSON: Carrier.shape(Blob).data has type"
            + " java.lang.Object." + " Use a supported type (see docs/persistence.md), mark the field transient in a class, or supply a codec:"
            + " @Workflow(codecs = YourCodec.class) with YourCodec implementing io.stepwise.spi.JsonCodec<java.lang.Object>.");
  }

  @Test
  void mapWithNonStringKeysIsRejected() {
    var flow = workflow("Flow", FLOW);
    var compilation = compile(flow, START, DONE,
        "record Carrier(java.util.Map<Integer, String> byId) implements Event {}");
    assertOnlyError(compilation, flow, "Carrier begin(Start ev)",
        "[Stepwise/Unserializable] Event Carrier cannot be written to JSON: Carrier.byId has type"
            + " java.util.Map<java.lang.Integer,java.lang.String>." + " Use a supported type (see docs/persistence.md), mark the field transient in a class, or supply a codec:"
            + " @Workflow(codecs = YourCodec.class) with YourCodec implementing io.stepwise.spi.JsonCodec<java.util.Map<java.lang.Integer,java.lang.String>>.");
  }

  @Test
  void privateClassFieldIsRejectedAndTransientOneIgnored() {
    var flow = workflow("Flow", FLOW);
    var compilation = compile(flow, START, DONE,
        "class Carrier implements Event { public String name; private int secret; transient Thread worker; }");
    assertOnlyError(compilation, flow, "Carrier begin(Start ev)",
        "[Stepwise/Unserializable] Event Carrier cannot be written to JSON: Carrier.secret is not accessible to"
            + " generated code. Make it a non-final, non-private field, or mark it transient.");
  }

  @Test
  void classFieldHidingAnInheritedOneIsRejectedAsItWouldNameOneJsonPropertyTwice() {
    var flow = workflow("Flow", FLOW);
    var compilation = compile(flow, START, DONE,
        "class Base { public int count; public String kept; }",
        "class Carrier extends Base implements Event { public long count; }");
    assertOnlyError(compilation, flow, "Carrier begin(Start ev)",
        "[Stepwise/Unserializable] Event Carrier cannot be written to JSON: Carrier.count hides the field count of"
            + " Base, and both would be written as \"count\". Rename one of them, or mark one transient.");
  }

  @Test
  void optionalOfAnOptionalIsRejectedAsItsTwoEmptyValuesWouldReadBackAsOne() {
    var flow = workflow("Flow", FLOW);
    var compilation = compile(flow, START, DONE,
        "record Carrier(java.util.Optional<java.util.Optional<String>> maybe) implements Event {}");
    assertOnlyError(compilation, flow, "Carrier begin(Start ev)",
        "[Stepwise/Unserializable] Event Carrier cannot be written to JSON: Carrier.maybe has type"
            + " java.util.Optional<java.util.Optional<java.lang.String>>, an Optional of an Optional, whose two empty"
            + " values JSON cannot tell apart. Use one Optional, or a record that says which value is missing.");
  }

  @Test
  void everyBadFieldOfEveryEventIsReportedOnce() {
    var flow = workflow("Flow", """
        @Workflow
        public class Flow {
          @Step
          Carrier begin(Start ev) { return null; }

          @Step
          Done end(Carrier ev, Context<?> ctx) { ctx.writeEventToStream(new Note(null)); return new Done(); }
        }
        """);
    var compilation = compile(flow, START, DONE,
        "record Carrier(Part a, Part b, java.util.function.Supplier<String> later) implements Event {}",
        "record Part(Thread owner) {}",
        "record Note(java.io.File file) implements Event {}");
    assertThat(compilation).failed();
    assertThat(errorMessages(compilation)).containsExactly(
        "[Stepwise/Unserializable] Event Carrier cannot be written to JSON: Carrier.a.owner has type java.lang.Thread."
            + " Use a supported type (see docs/persistence.md), mark the field transient in a class, or supply a codec:"
            + " @Workflow(codecs = YourCodec.class) with YourCodec implementing io.stepwise.spi.JsonCodec<java.lang.Thread>.",
        "[Stepwise/Unserializable] Event Carrier cannot be written to JSON: Carrier.later has type"
            + " java.util.function.Supplier<java.lang.String>." + " Use a supported type (see docs/persistence.md), mark the field transient in a class, or supply a codec:"
            + " @Workflow(codecs = YourCodec.class) with YourCodec implementing io.stepwise.spi.JsonCodec<java.util.function.Supplier<java.lang.String>>.",
        "[Stepwise/Unserializable] Event Note cannot be written to JSON: Note.file has type java.io.File."
            + " Use a supported type (see docs/persistence.md), mark the field transient in a class, or supply a codec:"
            + " @Workflow(codecs = YourCodec.class) with YourCodec implementing io.stepwise.spi.JsonCodec<java.io.File>.")
        .inOrder();
    assertThat(errorLines(compilation)).containsExactly(
        (long) lineOf(flow, "Carrier begin"), (long) lineOf(flow, "Carrier begin"), (long) lineOf(flow, "Done end"))
        .inOrder();
  }

  @Test
  void everySupportedTypeCompilesWithoutWarnings() {
    var flow = workflow("Flow", FLOW);
    var compilation = compile(flow, START, DONE, """
        record Carrier(boolean a, byte b, short c, char d, int e, long f, float g, double h,
            Boolean i, Byte j, Short k, Character l, Integer m, Long n, Float o, Double p, String q,
            java.math.BigDecimal r, java.math.BigInteger s, java.util.UUID t, java.time.Instant u,
            java.time.Duration v, java.time.LocalDate w, java.time.LocalDateTime x, java.time.OffsetDateTime y,
            byte[] z, int[] ints, long[] longs, double[] doubles, float[] floats, short[] shorts, boolean[] flags,
            char[] chars, String[] names, java.util.Optional<Long> maybe, java.util.List<java.util.Set<String>> sets,
            java.util.Map<String, java.util.Optional<Integer>> map, java.util.List<Event> events,
            StartEvent start, StepFailedEvent failure, Carrier next) implements Event {}""");
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFile("test.Flow_Codecs")).isPresent();
  }
}
