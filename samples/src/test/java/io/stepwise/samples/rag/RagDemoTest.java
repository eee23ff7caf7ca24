package io.stepwise.samples.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.rag.synthesize.ExtractiveSynthesizer;
import io.stepwise.samples.llm.RecordedOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rag sample: real embeddings over the repository's docs/, offline with the labelled extractive
 * synthesizer, or a model over HTTP (a local server answering in OpenAI's format, with a reply
 * written for this test).
 */
class RagDemoTest {
  @Test
  void offlineAnswerIsLabelledAndCitesPersistence() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RagDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), RagDemo.QUESTION, Map.of());
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    assertEquals("synthesizer: " + ExtractiveSynthesizer.LABEL + " — set OPENAI_API_KEY to have a real model write the answer",
        lines.get(0));
    assertTrue(lines.contains("Q: how do I resume a run?"), String.join("\n", lines));
    assertTrue(lines.contains("A (" + ExtractiveSynthesizer.LABEL + "):"), String.join("\n", lines));
    // The sample searches the live docs/, which every feature edits: which sections rank and how
    // many distinct ones make the top 4 change with them. Exact rankings are the rag module's tests,
    // over a frozen copy; here, the page that answers comes first and every source is a docs/ page.
    int sources = lines.indexOf("Sources:");
    assertTrue(lines.get(sources + 1).startsWith("  [1] docs/persistence.md § "), String.join("\n", lines));
    List<String> cited = lines.subList(sources + 1, lines.size());
    assertTrue(!cited.isEmpty() && cited.size() <= 4, String.join("\n", lines));
    assertTrue(cited.stream().allMatch(line -> line.matches("  \\[\\d] docs/[a-z-]+\\.md § .+ \\(0\\.\\d\\d\\)")),
        String.join("\n", lines));
  }

  @Test
  void withAKeyAModelWritesTheAnswerFromTheNumberedSources() {
    try (RecordedOpenAiServer server = RecordedOpenAiServer.serving("rag-resume-answer")) {
      Map<String, String> env = Map.of("OPENAI_API_KEY", RecordedOpenAiServer.API_KEY, "OPENAI_BASE_URL", server.baseUrl(),
          "OPENAI_MODEL", "gpt-4o-mini");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      RagDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), RagDemo.QUESTION, env);
      String out = bytes.toString(StandardCharsets.UTF_8);

      assertTrue(out.startsWith("synthesizer: model gpt-4o-mini at " + server.baseUrl() + "\n"), out);
      assertTrue(out.contains("A (model: gpt-4o-mini at " + server.baseUrl() + "):\nTake a snapshot with handler.snapshot().toJson(),"), out);
      assertEquals(1, server.received().size());
      String prompt = server.received().getFirst().lastUserContent();
      assertTrue(prompt.startsWith("Answer the question using only the numbered sources below."), prompt);
      assertTrue(prompt.contains("\n[1] docs/persistence.md § Persistence > "), prompt); // live docs/: see above
      assertTrue(prompt.endsWith("Question: how do I resume a run?\n"), prompt);
    }
  }
}
