package io.stepwise.rag.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.rag.chunk.Chunk;
import io.stepwise.rag.store.ScoredChunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class Bm25RetrieverTest {
  private static final List<Chunk> CHUNKS = List.of(
      new Chunk("d#0", "d", "Snapshots", "A snapshot is taken while the run goes on."),
      new Chunk("d#1", "d", "Resuming", "Resume a run from its snapshot with resume."),
      new Chunk("d#2", "d", "Drawing", "Draw the graph as Mermaid."));

  @Test
  void ranksByMatchingTermsAndSkipsChunksWithoutAny() {
    List<ScoredChunk> found = new Bm25Retriever(CHUNKS, 3).retrieve("How do I resume runs?");

    assertEquals(List.of("d#1", "d#0"), found.stream().map(s -> s.chunk().id()).toList());
  }

  @Test
  void termsDropStopWordsAndPluralEndings() {

    assertEquals(List.of("resume", "run", "query", "classe"), Terms.of("How do I resume the runs, queries, classes?"));
  }
}
