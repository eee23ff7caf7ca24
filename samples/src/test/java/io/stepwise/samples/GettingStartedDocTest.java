package io.stepwise.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The code on docs/getting-started.md is the code of examples/getting-started, which the build
 * compiles and tests (examples/pom.xml): a change to one that is not made to the other fails here.
 */
@Timeout(30)
class GettingStartedDocTest {
  private static final Path ROOT = Path.of("..");
  private static final Path EXAMPLE = ROOT.resolve("examples/getting-started");
  private static final Path SOURCES = EXAMPLE.resolve("src/main/java/com/example/hello");
  private static final Path TESTS = EXAMPLE.resolve("src/test/java/com/example/hello");

  @Test
  void thePomOnThePageIsTheExamplesPom() throws IOException {
    String pom = Files.readString(EXAMPLE.resolve("pom.xml"));

    assertEquals(pom.substring(pom.indexOf("<project ")), block("<artifactId>hello-stepwise</artifactId>"));
  }

  @Test
  void theWorkflowOnThePageIsTheExamplesWholeFile() throws IOException {
    assertEquals(Files.readString(SOURCES.resolve("GreetingFlow.java")), block("public class GreetingFlow {"));
  }

  @Test
  void theSnippetsOnThePageAreLinesOfTheExample() throws IOException {
    assertPartOf(SOURCES.resolve("Main.java"), block("System.out.println(greeting.text());"));
    assertPartOf(TESTS.resolve("GreetingFlowTest.java"), block("void greetsByTheTidiedName()"));
    assertPartOf(TESTS.resolve("GreetingFlowTest.java"), block("CompiledWorkflows.of(GreetingFlow.class"));
  }

  /** The one fenced code block of the page that contains {@code marker}. */
  private static String block(String marker) throws IOException {
    String page = Files.readString(ROOT.resolve("docs/getting-started.md"));
    Matcher blocks = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL).matcher(page);
    List<String> found = new ArrayList<>();
    while (blocks.find()) {
      if (blocks.group(1).contains(marker)) {
        found.add(blocks.group(1));
      }
    }
    assertEquals(1, found.size(), "code blocks of getting-started.md with " + marker);
    return found.get(0);
  }

  /** The snippet's lines appear together in the file, indentation aside. */
  private static void assertPartOf(Path file, String snippet) throws IOException {
    List<String> lines = Files.readAllLines(file).stream().map(String::strip).toList();
    List<String> wanted = snippet.lines().map(String::strip).toList();
    assertTrue(Collections.indexOfSubList(lines, wanted) >= 0, "getting-started.md shows lines that "
        + file + " does not hold together:\n" + snippet);
  }
}
