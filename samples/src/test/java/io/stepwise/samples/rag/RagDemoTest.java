package io.stepwise.samples.rag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.rag.synthesize.ExtractiveSynthesizer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rag sample, offline: real embeddings over the repository's docs/, the labelled extractive synthesizer. */
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
    int sources = lines.indexOf("Sources:");
    assertTrue(lines.get(sources + 1).startsWith("  [1] docs/persistence.md § "), String.join("\n", lines));
    assertEquals(4, lines.subList(sources + 1, lines.size()).size(), String.join("\n", lines));
  }
}
