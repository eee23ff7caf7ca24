package io.stepwise.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.graph.GraphJson;
import io.stepwise.graph.MermaidRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        notes      resources: a cached journal, a provider chain, a fresh scratch pad, named summarizers
        briefing   child workflows: each topic researched by a child run, its stream shown in the parent's
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
    assertTrue(err().startsWith("Unknown sample 'nope'. Samples: triage, notes, briefing.\nusage: Main [COMMAND]\n"), err());
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
  void unknownCommandIsRejected() {
    assertEquals(2, run("paint"));
    assertTrue(err().startsWith("Unknown command 'paint'. Use list, run or draw.\n"), err());
  }
}
