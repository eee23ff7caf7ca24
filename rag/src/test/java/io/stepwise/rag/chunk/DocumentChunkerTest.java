package io.stepwise.rag.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.rag.document.Document;
import io.stepwise.rag.document.Document.Format;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentChunkerTest {
  @Test
  void markdownChunksCarryTheirHeadingPath() {
    String md = """
        Intro before any heading.

        # Guide

        Welcome.

        ## Install

        Run `./mvnw`.

        ### On Windows

        Use mvnw.cmd.

        ## Use

        Call `run`.
        """;

    List<Chunk> chunks = new DocumentChunker(200).chunk(new Document("docs/guide.md", Format.MARKDOWN, md));

    assertEquals(List.of(
        new Chunk("docs/guide.md#0", "docs/guide.md", "", "Intro before any heading."),
        new Chunk("docs/guide.md#1", "docs/guide.md", "Guide", "Welcome."),
        new Chunk("docs/guide.md#2", "docs/guide.md", "Guide > Install", "Run `./mvnw`."),
        new Chunk("docs/guide.md#3", "docs/guide.md", "Guide > Install > On Windows", "Use mvnw.cmd."),
        new Chunk("docs/guide.md#4", "docs/guide.md", "Guide > Use", "Call `run`.")), chunks);
    assertEquals("docs/guide.md § Guide > Install > On Windows", chunks.get(3).citation());
    assertEquals("Guide > Use\n\nCall `run`.", chunks.get(4).searchText());
  }

  @Test
  void aHashInsideAFencedCodeBlockIsNotAHeading() {
    String md = "# Shell\n\n```sh\n# a comment\n\necho hi\n```\n";

    List<Chunk> chunks = new DocumentChunker(200).chunk(new Document("s.md", Format.MARKDOWN, md));

    assertEquals(List.of(new Chunk("s.md#0", "s.md", "Shell", "```sh\n# a comment\n\necho hi\n```")), chunks);
  }

  @Test
  void longSectionsArePackedByParagraphThenCutAtSentences() {
    String a = "A".repeat(60) + ".";
    String b = "B".repeat(60) + ".";
    String longParagraph = "First sentence of a long paragraph here. " + "x".repeat(50) + " and the end.";
    String text = a + "\n\n" + b + "\n\n" + longParagraph;

    List<String> pieces = new DocumentChunker(100).chunk(new Document("t.txt", Format.TEXT, text))
        .stream().map(Chunk::text).toList();

    assertEquals(List.of(a, b, "First sentence of a long paragraph here.", "x".repeat(50) + " and the end."), pieces);
  }

  @Test
  void tooSmallAChunkSizeIsRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> new DocumentChunker(99));

    assertEquals("maxChars is 99; chunks need at least 100 characters to say anything. Use 600 for all-MiniLM-L6-v2.", e.getMessage());
  }
}
