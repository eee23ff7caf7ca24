package io.stepwise.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stepwise.graph.GraphJson;
import io.stepwise.graph.MermaidRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples CLI: its commands, and the messages for bad input. */
class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listPrintsOneLinePerSample() {
    assertEquals(0, run("list"));
    assertEquals("""
        triage     support-ticket triage: parallel analysis, a join, a sealed routing decision (offline)
        extraction iterative extraction: parse a PDF, propose a schema, one feedback round, extract JSON
        joke       guide 2.4: two steps, each calling the model
        streaming  guide 2.4: the joke written to the stream before the critique
        state      guide 2.2.a: typed state, edited in one step and read in the next
        store      guide 2.2.b: a counter in the store, carried across runs with continueFrom
        serialize  guide 2.2.d: the context as JSON after each step (a snapshot), restored into a new workflow
        parallel   guide 2.2.c: a void step that sends its event with ctx.sendEvent
        concurrent guide 2.2.c: three workers in parallel, fan-in with a join
        collect    guide 2.2.c: three workers in parallel, fan-in with ctx.collectEvents
        hitl       guide 3.1: InputRequiredEvent and HumanResponseEvent, answered with 42
        hitl-wait  guide 3.1 in one step: ctx.waitForEvent blocks until the answer arrives
        hitl-durable guide 3.1 across processes: the run waits in a SQLite run store, resumed by id and answered
        loop       guide 3.2.a: a step whose output brings the run back to it
        branch     guide 3.2.b: a sealed union return type, one branch per variant
        fanout     guide 3.3: fan out with ctx.sendEvent, fan in with collectEvents and a count in the store
        tally      ten concurrent state edits, undone when they throw; collectEvents
        approval   human in the loop with waitForEvent, matching the answer to the request
        review     human in the loop with events; the state carries the draft across steps
        memory     guide 2.3: a @Provides memory both steps receive, created once
        notes      resources: a cached journal, a provider chain, a fresh scratch pad, named summarizers
        briefing   child workflows: each topic researched by a child run, its stream shown in the parent's
        rag        retrieval-augmented answer over docs/: ingest and query workflows, MiniLM embeddings, cited sources
        agent      agents: a function-calling agent with a lookup tool and arithmetic tools (scripted model offline)
        multi-agent agents: research -> write -> review, handing off, notes and report in shared state (scripted offline)
        """, out());
  }

  @Test
  void drawPrintsMermaidByDefault() {
    assertEquals(0, run("draw", "triage"));
    assertEquals(MermaidRenderer.render(Samples.find("triage").orElseThrow().graph().get()), out());
  }

  @Test
  void drawWritesTheChosenFormatToAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("triage.json");
    assertEquals(0, run("draw", "triage", "--format", "json", "--out", file.toString()));
    assertEquals("Wrote the json drawing of 'triage' to " + file + "\n", out());
    assertEquals(Samples.find("triage").orElseThrow().graph().get(), GraphJson.read(Files.readString(file)));
  }

  @Test
  void drawHtmlIsAStandalonePage() {
    assertEquals(0, run("draw", "triage", "--format", "html"));
    assertTrue(out().startsWith("<!DOCTYPE html>"), out());
    assertTrue(out().contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), out());
    assertTrue(!out().contains("<script") && !out().contains("https://"), "the page loads nothing from elsewhere");
  }

  @Test
  void unknownSampleIsRejectedWithTheKnownNames() {
    assertEquals(2, run("draw", "nope"));
    assertTrue(err().startsWith("Unknown sample 'nope'. Samples: " + Samples.names() + ".\nusage: Main [COMMAND]\n"), err());
    assertEquals("", out());
  }

  @Test
  void drawRunDrawsWhatOneRunOfTheSampleDid() {
    assertEquals(0, run("draw", "notes", "--run"));
    var sample = Samples.find("notes").orElseThrow();
    assertEquals(MermaidRenderer.render(sample.graph().get(), sample.trace().get()), out());
    assertTrue(out().contains("keep ×1"), out());
  }

  @Test
  void drawRunRefusesASampleWithoutAnOfflineRun() {
    assertEquals(2, run("draw", "joke", "--run"));
    assertTrue(err().startsWith("Sample 'joke' has no offline run to draw. Draw a run of one of triage, notes,"
        + " briefing, agent, multi-agent.\n"), err());
  }

  @Test
  void drawRunRefusesJson() {
    assertEquals(2, run("draw", "notes", "--run", "--format", "json"));
    assertTrue(err().startsWith("json holds the static graph only. Draw a run with --format mermaid, dot or html.\n"),
        err());
  }

  @Test
  void unknownFormatIsRejected() {
    assertEquals(2, run("draw", "triage", "--format", "svgz"));
    assertTrue(err().startsWith("Unknown format 'svgz'. Use mermaid, dot, json or html.\n"), err());
  }

  @Test
  void optionWithoutValueIsRejected() {
    assertEquals(2, run("draw", "triage", "--out"));
    assertTrue(err().startsWith("--out needs a value.\n"), err());
  }

  @Test
  void runExtractionPrintsTheFeedbackRoundAndTheJson() {
    assumeTrue(System.getenv("OPENAI_API_KEY") == null, "offline only: with a key the sample calls the real model");
    assertEquals(0, run("run", "extraction"));
    assertTrue(out().contains("Approve? [y / feedback]: Add the line items, the subtotal and the tax.\n"), out());
    assertTrue(out().contains("Proposed schema (round 2):"), out());
    assertTrue(out().contains("Extracted data (scripted model, offline):\n{\n  \"invoice_number\" : \"INV-2026-014\","), out());
    assertTrue(out().endsWith("  \"total_due\" : 6840.0\n}\n"), out());
  }

  @Test
  void everyOfflineSampleRunsAndDraws() {
    for (Sample sample : Samples.ALL) {
      if (System.getenv("OPENAI_API_KEY") != null && List.of("extraction", "joke", "streaming", "rag", "agent", "multi-agent").contains(sample.name())) {
        continue;
      }
      out.reset();
      assertEquals(0, run("run", sample.name()), sample.name());
      assertTrue(!out().isBlank(), sample.name());
      out.reset();
      assertEquals(0, run("draw", sample.name()), sample.name());
      assertTrue(out().startsWith("flowchart"), sample.name() + ": " + out());
    }
  }

  @Test
  void extractCommandIsReachable() {
    assertEquals(2, run("extract", "--nope"));
    assertTrue(err().startsWith("Unknown option '--nope'. extract takes FILE, --prompt TEXT and --approve.\nusage:\n"), err());
  }

  @Test
  void unknownCommandIsRejected() {
    assertEquals(2, run("paint"));
    assertTrue(err().startsWith("Unknown command 'paint'. Use list, run, draw, extract or serve.\n"), err());
  }
}
