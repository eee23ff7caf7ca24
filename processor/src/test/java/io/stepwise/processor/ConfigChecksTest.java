package io.stepwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.assertOnlyError;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.workflow;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Config} parameters: a record or class from a named file, with fields the codecs can read. */
class ConfigChecksTest {
  private static final String START = "record Start() implements StartEvent {}";
  private static final String DONE = "record Done() implements StopEvent {}";

  private static JavaFileObject flowWith(String members) {
    return workflow("Flow", """
        @Workflow
        public class Flow {
          record Limits(int max, java.util.List<String> words) {}

        """ + members + "\n}\n");
  }

  @Test
  void recordFromAFileAndASectionCompiles() {
    var flow = flowWith("""
          @Provides String label(@Config("app.json") Limits limits) { return "x" + limits.max(); }
          @Step
          Done finish(Start ev, @Config(value = "app.json", select = "limits.main") Limits limits, String label) {
            return new Done();
          }
        """);
    assertThat(compile(flow, START, DONE)).succeededWithoutWarnings();
  }

  @Test
  void configOfATypeThatIsNotARecordOrClassIsRejected() {
    var flow = flowWith("""
          @Step
          Done finish(Start ev, @Config("app.json") java.util.List<String> words) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(",
        "[Stepwise/ConfigResource] Step 'finish' parameter 'words' has type List<String>, which is not a record or"
            + " class; a config file is read into one. Declare a record with the file's fields.");
  }

  @Test
  void emptyFileNameIsRejected() {
    var flow = flowWith("""
          @Step
          Done finish(Start ev, @Config("") Limits limits) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(",
        "[Stepwise/ConfigResource] Step 'finish' parameter 'limits' has @Config(\"\"), which names no file. Name the"
            + " JSON file to read.");
  }

  @Test
  void selectThatIsNotADottedPathIsRejected() {
    var flow = flowWith("""
          @Step
          Done finish(Start ev, @Config(value = "app.json", select = "limits..main") Limits limits) {
            return new Done();
          }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(",
        "[Stepwise/ConfigResource] Step 'finish' parameter 'limits' has select = \"limits..main\", which is not a"
            + " dotted path of fields. Write it as \"section\" or \"section.subsection\".");
  }

  @Test
  void configFieldTheCodecsCannotReadIsUnserializable() {
    var flow = flowWith("""
          record Endpoint(String name, java.net.Socket socket) {}
          @Step
          Done finish(Start ev, @Config("app.json") Endpoint endpoint) { return new Done(); }
        """);
    assertOnlyError(compile(flow, START, DONE), flow, "Done finish(",
        "[Stepwise/Unserializable] Config Flow.Endpoint cannot be written to JSON: Flow.Endpoint.socket has type"
            + " java.net.Socket. Use a supported type (see docs/persistence.md), mark the field transient in a class, or supply a codec: @Workflow(codecs = YourCodec.class) with YourCodec implementing io.stepwise.spi.JsonCodec<java.net.Socket>.");
  }
}
