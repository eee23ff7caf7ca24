package io.stepwise.rag.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.rag.chunk.Chunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryVectorStoreTest {
  static EmbeddedChunk chunk(String source, int n, float... vector) {
    return new EmbeddedChunk(new Chunk(source + "#" + n, source, "", "text " + n), vector);
  }

  @Test
  void searchReturnsTheTopKAboveTheThresholdBestFirst() {
    InMemoryVectorStore store = new InMemoryVectorStore();
    store.replace("a", List.of(chunk("a", 0, 1, 0), chunk("a", 1, 0, 1)));
    store.replace("b", List.of(chunk("b", 0, 1, 1), chunk("b", 1, -1, 0)));

    List<ScoredChunk> found = store.search(new float[] {1, 0}, 2, 0.5);

    assertEquals(List.of("a#0", "b#0"), found.stream().map(s -> s.chunk().id()).toList());
    assertEquals(1.0, found.get(0).score(), 1e-9);
    assertEquals(Math.sqrt(0.5), found.get(1).score(), 1e-9);
    assertEquals(List.of("a#0"), store.search(new float[] {1, 0}, 5, 0.8).stream().map(s -> s.chunk().id()).toList());
  }

  @Test
  void replacingASourceDropsItsOldChunks() {
    InMemoryVectorStore store = new InMemoryVectorStore();
    store.replace("a", List.of(chunk("a", 0, 1, 0), chunk("a", 1, 0, 1)));

    store.replace("a", List.of(chunk("a", 0, 0, 1)));

    assertEquals(1, store.size());
    assertEquals(List.of(), store.search(new float[] {1, 0}, 5, 0.5));
  }

  @Test
  void vectorsOfAnotherDimensionAreRefused() {
    InMemoryVectorStore store = new InMemoryVectorStore();
    store.replace("a", List.of(chunk("a", 0, 1, 0)));

    var e = assertThrows(IllegalArgumentException.class, () -> store.replace("b", List.of(chunk("b", 0, 1, 0, 0))));

    assertEquals("Chunk b#0 has a 3-dimensional vector, but the store holds 2-dimensional ones. Embed every chunk with one model.",
        e.getMessage());
    assertEquals(1, store.size());
  }

  @Test
  void aChunkFiledUnderAnotherSourceIsRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new InMemoryVectorStore().replace("b", List.of(chunk("a", 0, 1, 0))));

    assertEquals("Chunk a#0 belongs to a, not to b. Store each document's chunks under its own source.", e.getMessage());
  }
}
