package io.stepwise.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.stepwise.processor.Compilations.compile;
import static io.stepwise.processor.Compilations.content;
import static io.stepwise.processor.Compilations.event;
import static io.stepwise.processor.Compilations.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The generated source as text (a golden file) and the service file listing the definitions. */
class GeneratedSourceTest {
  private static final String JOKE_FLOW = """
      @Workflow(name = "jokes", timeout = "2m")
      public class JokeFlow {
        @Step(workers = 2)
        JokeEvent generate(TopicEvent ev, Context<?> ctx) {
          ctx.writeEventToStream(new Progress("writing"));
          ctx.sendEvent(new Audience(ev.topic()));
          return new JokeEvent("a joke about " + ev.topic());
        }

        @Step(workers = 1, timeout = "1500ms",
            retry = @Retry(maxAttempts = 3, delay = "1s", maxDelay = "PT10S", jitter = 0.25,
                on = java.io.IOException.class))
        Verdict critique(JokeEvent joke, Audience audience, Context<Notes> ctx) {
          return joke.text().length() > 10 ? new JokeResult(joke.text()) : new Retell(audience.who());
        }

        @Step(skipChecks = GraphCheck.DEAD_END)
        void log(JokeEvent ev) {}

        @Step
        CompletionStage<JokeEvent> retell(Retell ev) {
          return CompletableFuture.completedFuture(new JokeEvent("again, " + ev.who()));
        }
      }
      """;

  private static final List<String> EVENTS = List.of(
      "record TopicEvent(String topic) implements StartEvent {}",
      "record JokeEvent(String text) implements Event {}",
      "record Audience(String who) implements Event {}",
      "sealed interface Verdict extends Event permits JokeResult, Retell {}",
      "record JokeResult(String joke) implements Verdict, StopEvent {}",
      "record Retell(String who) implements Verdict {}",
      "record Progress(String note) implements Event {}",
      "class Notes { public int critiques; }");

  @Test
  void generatedDefinitionMatchesGoldenFile() throws IOException {
    var compilation = compile(workflow("JokeFlow", JOKE_FLOW), EVENTS.toArray(String[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = content(compilation.generatedSourceFile("test.JokeFlow_Workflow").orElseThrow());
    if (System.getenv("STEPWISE_UPDATE_GOLDEN") != null) {
      // Run from processor/ to rewrite the golden file after an intended change, then review the diff.
      Files.writeString(Path.of("src/test/resources/golden/JokeFlow_Workflow.java.txt"), generated);
    }
    assertThat(generated).isEqualTo(resource("/golden/JokeFlow_Workflow.java.txt"));
  }

  /**
   * The generated class stays readable: no line over 120 characters, and each step's settings
   * stated once — in the step table, from which the graph takes its step nodes.
   */
  @Test
  void generatedDefinitionHasNoLineOver120Characters() {
    var compilation = compile(workflow("JokeFlow", JOKE_FLOW), EVENTS.toArray(String[]::new));
    String generated = content(compilation.generatedSourceFile("test.JokeFlow_Workflow").orElseThrow());
    assertThat(generated).contains("STEPS = List.of(");
    assertThat(generated).contains("GRAPH = new WorkflowGraph(\"jokes\",\n      StepNodes.of(STEPS),\n");
    assertThat(generated).doesNotContain("new StepNode(");
    assertThat(generated.lines().filter(line -> line.length() > 120).toList()).isEmpty();
  }

  @Test
  void mermaidGraphResourceMatchesGoldenFile() throws IOException {
    assertGraphResource("mmd", "JokeFlow.mmd.txt");
  }

  @Test
  void jsonGraphResourceMatchesGoldenFile() throws IOException {
    assertGraphResource("json", "JokeFlow.json.txt");
  }

  @Test
  void graphResourcesOfNestedWorkflowAreNamedAfterItsDefinition() {
    var compilation = compile(workflow("Outer", """
        public class Outer {
          @Workflow
          static class Echo {
            @Step
            JokeResult echo(TopicEvent ev) { return new JokeResult(ev.topic()); }
          }
        }
        """), EVENTS.toArray(String[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    var mermaid = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/stepwise/graphs/test.Outer_Echo_Workflow.mmd").orElseThrow();
    assertThat(content(mermaid)).contains("  ev_TopicEvent --> step_echo\n  step_echo --> ev_JokeResult\n");
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/stepwise/graphs/test.Outer_Echo_Workflow.json")).isPresent();
  }

  private static void assertGraphResource(String extension, String golden) throws IOException {
    var compilation = compile(workflow("JokeFlow", JOKE_FLOW), EVENTS.toArray(String[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = content(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/stepwise/graphs/test.JokeFlow_Workflow." + extension).orElseThrow());
    if (System.getenv("STEPWISE_UPDATE_GOLDEN") != null) {
      Files.writeString(Path.of("src/test/resources/golden/" + golden), generated);
    }
    assertThat(generated).isEqualTo(resource("/golden/" + golden));
  }

  @Test
  void serviceFileListsEveryDefinitionSorted() throws IOException {
    var second = workflow("Outer", """
        public class Outer {
          @Workflow
          static class Echo {
            @Step
            JokeResult echo(TopicEvent ev) { return new JokeResult(ev.topic()); }
          }
        }
        """);
    var sources = new java.util.ArrayList<javax.tools.JavaFileObject>(List.of(second, workflow("JokeFlow", JOKE_FLOW)));
    EVENTS.forEach(e -> sources.add(event(e)));
    var compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    var file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/services/io.stepwise.spi.WorkflowDefinition").orElseThrow();
    assertThat(content(file)).isEqualTo("test.JokeFlow_Workflow\ntest.Outer_Echo_Workflow\n");
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = GeneratedSourceTest.class.getResourceAsStream(path)) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
