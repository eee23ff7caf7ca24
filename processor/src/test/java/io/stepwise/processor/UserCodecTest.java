package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.assertOnlyError;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.content;
import static io.stepwise.processor.Compilations.errorLines;
import static io.stepwise.processor.Compilations.errorMessages;
import static io.stepwise.processor.Compilations.lineOf;
import static io.stepwise.processor.Compilations.workflow;

import org.junit.jupiter.api.Test;

/** {@code @Workflow(codecs)}: user codecs for field types the generated codecs cannot write; {@code [Stepwise/Codec]}. */
class UserCodecTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String DONE = "record Done() implements StopEvent {}";
  private static final String CARRIER = "record Carrier(java.net.URI home, java.util.List<java.net.URI> mirrors,"
      + " java.util.Map<String, java.util.Optional<java.net.URI>> byName) implements Event {}";
  private static final String URI_CODEC = """
      class UriCodec implements io.stepwise.spi.JsonCodec<java.net.URI> {
        @Override public void write(io.stepwise.spi.JsonWriter out, java.net.URI value) { out.value(value.toString()); }
        @Override public java.net.URI read(io.stepwise.spi.JsonReader in) { return java.net.URI.create(in.readString()); }
      }""";

  private static String flow(String codecs) {
    return """
        @Workflow(codecs = %s)
        public class Flow {
          @Step
          Carrier begin(Start ev) { return null; }

          @Step
          Done end(Carrier ev) { return new Done(); }
        }
        """.formatted(codecs);
  }

  @Test
  void userCodecWritesEveryFieldOfItsTypeInsideContainersToo() {
    var flow = workflow("Flow", flow("UriCodec.class"));
    var compilation = compile(flow, START, DONE, CARRIER, URI_CODEC);
    assertThat(compilation).succeededWithoutWarnings();
    String codecs = content(compilation.generatedSourceFile("test.Flow_Codecs").orElseThrow());
    assertThat(codecs).contains("static final JsonCodec<URI> URI_CODEC = new UriCodec();");
    assertThat(codecs).contains("out.write(URI_CODEC, value.home());");
    assertThat(codecs).contains("static final JsonCodec<List<URI>> LIST_OF_URI_CODEC = JsonContainers.listOf(URI_CODEC);");
    assertThat(codecs).contains(
        "static final JsonCodec<Optional<URI>> OPTIONAL_OF_URI_CODEC = JsonContainers.optionalOf(URI_CODEC);");
    assertThat(codecs).contains(
        "static final JsonCodec<Map<String, Optional<URI>>> MAP_OF_OPTIONAL_OF_URI_CODEC ="
            + " JsonContainers.mapOf(OPTIONAL_OF_URI_CODEC);");
  }

  @Test
  void unwritableFieldSaysHowToSupplyACodec() {
    var flow = workflow("Flow", flow("{}"));
    var compilation = compile(flow, START, DONE, CARRIER);
    assertThat(compilation).failed();
    assertThat(errorMessages(compilation).getFirst()).isEqualTo(
        "[Stepwise/Unserializable] Event Carrier cannot be written to JSON: Carrier.home has type"
            + " java.net.URI. Use a supported type (see docs/persistence.md), mark the field transient in a class,"
            + " or supply a codec: @Workflow(codecs = YourCodec.class) with YourCodec implementing"
            + " io.stepwise.spi.JsonCodec<java.net.URI>.");
    assertThat(errorLines(compilation).getFirst()).isEqualTo(lineOf(flow, "Carrier begin"));
  }

  @Test
  void codecNoFieldUsesIsAWarning() {
    var flow = workflow("Flow", flow("{UriCodec.class}"));
    var compilation = compile(flow, START, DONE, "record Carrier(String home) implements Event {}", URI_CODEC);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining(
        "[Stepwise/Codec] Workflow 'Flow' names codec UriCodec for java.net.URI, but no field of its events or state"
            + " has that type. Remove UriCodec from codecs, or make it handle the field's type.")
        .inFile(flow).onLine(lineOf(flow, "public class Flow"));
  }

  @Test
  void classThatIsNotACodecIsRejected() {
    var flow = workflow("Flow", flow("{UriCodec.class, String.class}"));
    var compilation = compile(flow, START, DONE, CARRIER, URI_CODEC);
    assertOnlyError(compilation, flow, "public class Flow",
        "[Stepwise/Codec] Workflow 'Flow' names codec String, which does not implement io.stepwise.spi.JsonCodec<T>"
            + " for a concrete type T. Implement JsonCodec<T> with T the field type it writes.");
  }

  @Test
  void rawCodecIsRejected() {
    var flow = workflow("Flow", flow("{UriCodec.class, RawCodec.class}"));
    var compilation = compile(flow, START, DONE, CARRIER, URI_CODEC, """
        @SuppressWarnings("rawtypes")
        class RawCodec implements io.stepwise.spi.JsonCodec {
          @Override public void write(io.stepwise.spi.JsonWriter out, Object value) { }
          @Override public Object read(io.stepwise.spi.JsonReader in) { return null; }
        }""");
    assertOnlyError(compilation, flow, "public class Flow",
        "[Stepwise/Codec] Workflow 'Flow' names codec RawCodec, which does not implement io.stepwise.spi.JsonCodec<T>"
            + " for a concrete type T. Implement JsonCodec<T> with T the field type it writes.");
  }

  @Test
  void twoCodecsForOneTypeAreRejected() {
    var flow = workflow("Flow", flow("{UriCodec.class, TextUriCodec.class}"));
    var compilation = compile(flow, START, DONE, CARRIER, URI_CODEC, """
        class TextUriCodec extends UriCodec {}""");
    assertOnlyError(compilation, flow, "public class Flow",
        "[Stepwise/Codec] Workflow 'Flow' names 2 codecs for java.net.URI: TextUriCodec, UriCodec. Keep one codec"
            + " per type.");
  }

  @Test
  void codecForAnEventIsRejected() {
    var flow = workflow("Flow", flow("{UriCodec.class, DoneCodec.class}"));
    var compilation = compile(flow, START, DONE, CARRIER, URI_CODEC, """
        class DoneCodec implements io.stepwise.spi.JsonCodec<Done> {
          @Override public void write(io.stepwise.spi.JsonWriter out, Done value) { }
          @Override public Done read(io.stepwise.spi.JsonReader in) { return new Done(); }
        }""");
    assertOnlyError(compilation, flow, "public class Flow",
        "[Stepwise/Codec] Workflow 'Flow' names codec DoneCodec for test.Done, which is an event; events are"
            + " written by the generated codecs, with their type tag. Remove DoneCodec from codecs.");
  }

  @Test
  void codecWithoutNoArgConstructorIsRejected() {
    var flow = workflow("Flow", flow("Needy.class"));
    var compilation = compile(flow, START, DONE, CARRIER, """
        class Needy implements io.stepwise.spi.JsonCodec<java.net.URI> {
          Needy(String base) { }
          @Override public void write(io.stepwise.spi.JsonWriter out, java.net.URI value) { }
          @Override public java.net.URI read(io.stepwise.spi.JsonReader in) { return null; }
        }""");
    assertThat(compilation).failed();
    assertThat(errorMessages(compilation)).contains(
        "[Stepwise/Codec] Workflow 'Flow' names codec Needy, which has no accessible no-arg constructor. Give Needy a"
            + " public no-arg constructor.");
  }
}
