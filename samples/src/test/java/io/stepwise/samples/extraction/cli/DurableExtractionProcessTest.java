package io.stepwise.samples.extraction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.samples.Main;
import io.stepwise.store.RunStatus;
import io.stepwise.store.StoredRun;
import io.stepwise.store.jdbc.JdbcRunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable extraction, end to end: {@code extract start}, then {@code respond} with
 * feedback, then {@code respond --approve}, each in a JVM of its own that exits, over one SQLite
 * store file; the run keeps its id across the three processes.
 */
@Timeout(180)
class DurableExtractionProcessTest {
  private static final Pattern WAITING = Pattern.compile("\nRun ([0-9a-f-]{36}) is waiting for your review\\.");

  static final String SCHEMA_V1 = """
      Proposed schema (round 1):
      {
        "type" : "object",
        "properties" : {
          "invoice_number" : {
            "type" : "string",
            "description" : "The invoice's identifier, e.g. INV-2026-014."
          },
          "issue_date" : {
            "type" : "string",
            "format" : "date",
            "description" : "The date the invoice was issued, ISO 8601."
          },
          "due_date" : {
            "type" : "string",
            "format" : "date",
            "description" : "The date payment is due, ISO 8601."
          },
          "seller" : {
            "type" : "string",
            "description" : "The name of the business that issued the invoice."
          },
          "buyer" : {
            "type" : "string",
            "description" : "The name of the customer billed."
          },
          "currency" : {
            "type" : "string",
            "description" : "ISO 4217 currency code of the amounts."
          },
          "total_due" : {
            "type" : "number",
            "description" : "The total amount due, tax included."
          }
        },
        "required" : [ "invoice_number", "issue_date", "due_date", "seller", "buyer", "currency", "total_due" ]
      }
      """;

  static final String DATA_V2 = """
      Extracted data (scripted model, offline):
      {
        "invoice_number" : "INV-2026-014",
        "issue_date" : "2026-03-02",
        "due_date" : "2026-04-01",
        "seller" : "Northwind Design Studio",
        "buyer" : "Acme Rockets Ltd.",
        "currency" : "GBP",
        "line_items" : [ {
          "description" : "Brand identity workshop",
          "quantity" : 1,
          "unit_price" : 1200.0,
          "amount" : 1200.0
        }, {
          "description" : "Logo design, three concepts",
          "quantity" : 1,
          "unit_price" : 2400.0,
          "amount" : 2400.0
        }, {
          "description" : "Website page design",
          "quantity" : 6,
          "unit_price" : 350.0,
          "amount" : 2100.0
        } ],
        "subtotal" : 5700.0,
        "tax" : 1140.0,
        "total_due" : 6840.0
      }
      """;

  @TempDir
  Path directory;

  /** Runs the CLI in a new JVM, offline, and returns what it printed; fails unless it exits with 0. */
  private String cli(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().remove("OPENAI_API_KEY");
    builder.environment().remove(DurableArguments.STORE_VARIABLE);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), out);
    return out;
  }

  private static String waitingRun(String out) {
    Matcher matcher = WAITING.matcher(out);
    assertTrue(matcher.find(), out);
    return matcher.group(1);
  }

  @Test
  void startThenFeedbackThenApprovalInThreeProcessesExtractsTheInvoice() throws Exception {
    Path db = directory.resolve("nested").resolve("extraction.db");
    String store = db.toString();

    String started = cli("extract", "start", "--store", store);
    String runId = waitingRun(started);
    assertTrue(started.startsWith("model: scripted (offline) — set OPENAI_API_KEY to use a real model\nstore: "
        + store + "\n"), started);
    assertTrue(started.contains("\n" + SCHEMA_V1 + "\n"), started);
    assertTrue(started.endsWith("\nRun " + runId + " is waiting for your review. Answer it now or later, from any process:\n"
        + "  extract respond " + runId + " --approve --store " + store + "\n"
        + "  extract respond " + runId + " --feedback \"what to change\" --store " + store + "\n"), started);
    StoredRun paused = JdbcRunStore.create("jdbc:sqlite:" + db).load(runId).orElseThrow();
    assertEquals(RunStatus.WAITING, paused.status());
    assertEquals(3, paused.version()); // the run's start, parse, then proposeSchema

    String revised = cli("extract", "respond", runId, "--feedback", "Add the line items, the subtotal and the tax.",
        "--store", store);
    assertEquals(runId, waitingRun(revised));
    assertTrue(revised.contains("\nanswer: feedback: Add the line items, the subtotal and the tax.\n"), revised);
    assertTrue(revised.contains("  > Feedback received: Add the line items, the subtotal and the tax.\n"
        + "  > Proposing a schema (round 2)\n"), revised);
    assertTrue(revised.contains("\nProposed schema (round 2):\n{\n  \"type\" : \"object\",\n"), revised);
    assertTrue(revised.contains("\"line_items\" : {"), revised);
    StoredRun pausedAgain = JdbcRunStore.create("jdbc:sqlite:" + db).load(runId).orElseThrow();
    assertEquals(RunStatus.WAITING, pausedAgain.status());
    assertEquals(6, pausedAgain.version()); // the resume's claim, review, then proposeSchema

    String approved = cli("extract", "respond", runId, "--approve", "--store", store);
    assertTrue(approved.contains("\n  > Schema approved\n"), approved);
    assertTrue(approved.endsWith("\n" + DATA_V2 + "\nRun " + runId + " finished.\n"), approved);
    assertEquals(RunStatus.FINISHED, JdbcRunStore.create("jdbc:sqlite:" + db).load(runId).orElseThrow().status());

    assertEquals("No run is waiting for a review in " + store + ".\n", cli("extract", "runs", "--store", store));
  }
}
