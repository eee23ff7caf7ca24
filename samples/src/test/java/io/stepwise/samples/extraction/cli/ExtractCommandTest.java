package io.stepwise.samples.extraction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.samples.llm.RecordedOpenAiServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The {@code extract} command: its arguments, the answers at the prompt, and what it prints. */
@Timeout(60)
class ExtractCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String stdin, Map<String, String> env, String... args) {
    return ExtractCommand.run(List.of(args), env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void argumentsDefaultToTheShippedInvoiceAndAPrompt() {
    assertEquals(new ExtractArguments(Optional.empty(), ExtractArguments.DEFAULT_PROMPT, false), ExtractArguments.parse(List.of()));
  }

  @Test
  void argumentsTakeAFileAPromptAndApproveInAnyOrder() {
    assertEquals(new ExtractArguments(Optional.of("paper.pdf"), "the title", true),
        ExtractArguments.parse(List.of("--prompt", "the title", "paper.pdf", "--approve")));
  }

  @Test
  void badArgumentsSayWhatIsWrong() {
    assertEquals("--prompt needs a text saying what to extract, e.g. --prompt \"the invoice total\".",
        assertThrows(IllegalArgumentException.class, () -> ExtractArguments.parse(List.of("a.pdf", "--prompt"))).getMessage());
    assertEquals("Unknown option '--yes'. extract takes FILE, --prompt TEXT and --approve.",
        assertThrows(IllegalArgumentException.class, () -> ExtractArguments.parse(List.of("--yes"))).getMessage());
    assertEquals("extract reads one document, got 'a.pdf' and 'b.pdf'. Quote a path with spaces.",
        assertThrows(IllegalArgumentException.class, () -> ExtractArguments.parse(List.of("a.pdf", "b.pdf"))).getMessage());
  }

  @Test
  void badUsageExitsWithTwoAndTheUsage() {
    assertEquals(2, run("", Map.of(), "--yes"));
    assertEquals("Unknown option '--yes'. extract takes FILE, --prompt TEXT and --approve.\nusage:\n" + ExtractCommand.USAGE, err());
    assertEquals("", out());
  }

  @Test
  void approveRunsUnattendedOfflineAndPrintsJsonAndCsv() {
    assertEquals(0, run("", Map.of(), "--approve"));

    String out = out();
    assertTrue(out.startsWith("model: scripted (offline) — set OPENAI_API_KEY to use a real model\ndocument: "), out);
    assertTrue(out.contains("Approve? [y / feedback]: y   (--approve)\n"), out);
    assertTrue(out.endsWith("""
        Extracted data (scripted model, offline):
        {
          "invoice_number" : "INV-2026-014",
          "issue_date" : "2026-03-02",
          "due_date" : "2026-04-01",
          "seller" : "Northwind Design Studio",
          "buyer" : "Acme Rockets Ltd.",
          "currency" : "GBP",
          "total_due" : 6840.0
        }

        As CSV (the schema is flat):
        invoice_number,issue_date,due_date,seller,buyer,currency,total_due\r
        INV-2026-014,2026-03-02,2026-04-01,Northwind Design Studio,Acme Rockets Ltd.,GBP,6840.0\r
        """), out);
    assertEquals("", err());
  }

  @Test
  void answersAtThePromptLoopUntilApproved() {
    assertEquals(0, run("\nAdd the line items, subtotal and tax.\nY\n", Map.of()));

    String out = out();
    assertTrue(out.contains("Proposed schema (round 1):"), out);
    assertTrue(out.contains("Approve? [y / feedback]: Approve? [y / feedback]: \n  > Feedback received: Add the line items, subtotal and tax.\n"), out);
    assertTrue(out.contains("Proposed schema (round 2):"), out);
    assertTrue(out.contains("\"line_items\" : [ {"), out);
    assertTrue(!out.contains("As CSV"), "nested data has no CSV");
  }

  @Test
  void endOfInputBeforeApprovalFailsAndNamesApprove() {
    assertEquals(1, run("", Map.of()));

    assertEquals("Standard input ended before the schema was approved. Answer at the prompt (y approves, any other text is"
        + " feedback), or pass --approve to approve the first proposal unattended.\n", err());
  }

  @Test
  void missingFileFailsWithTheParsersMessage() {
    assertEquals(1, run("", Map.of(), "no-such.pdf", "--approve"));

    assertTrue(err().startsWith("The extraction failed: No file at "), err());
    assertTrue(out().contains("note: the scripted model knows only the shipped invoice"), out());
  }

  @Test
  void configuredModelIsCalledOverHttp() {
    try (RecordedOpenAiServer server = RecordedOpenAiServer.serving("extraction-schema-v2", "extraction-data-v2")) {
      Map<String, String> env = Map.of("OPENAI_API_KEY", RecordedOpenAiServer.API_KEY, "OPENAI_BASE_URL", server.baseUrl(),
          "OPENAI_MODEL", "gpt-4o-mini");

      assertEquals(0, run("", env, "--approve", "--prompt", "Extract the invoice with its line items."));

      assertTrue(out().startsWith("model: gpt-4o-mini at " + server.baseUrl() + "\n"), out());
      assertTrue(out().contains("\nExtracted data:\n{"), out());
      assertEquals(2, server.received().size());
      assertTrue(server.received().getFirst().lastUserContent().contains("<user_prompt>\nExtract the invoice with its line items.\n</user_prompt>"));
    }
  }
}
