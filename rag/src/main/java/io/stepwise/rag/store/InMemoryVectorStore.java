package io.stepwise.rag.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A vector store in the heap, searched exhaustively: LlamaIndex's {@code SimpleVectorStore}.
 * Exact, and fast enough for a few hundred thousand chunks of 384 dimensions; thread-safe.
 */
public final class InMemoryVectorStore implements VectorStore {
  private final Map<String, List<EmbeddedChunk>> bySource = new LinkedHashMap<>();
  private int dimension = -1;

  @Override
  public synchronized void replace(String source, List<EmbeddedChunk> chunks) {
    for (EmbeddedChunk c : chunks) {
      if (!c.chunk().source().equals(source)) {
        throw new IllegalArgumentException("Chunk " + c.chunk().id() + " belongs to " + c.chunk().source()
            + ", not to " + source + ". Store each document's chunks under its own source.");
      }
      if (dimension >= 0 && c.vector().length != dimension) {
        throw new IllegalArgumentException("Chunk " + c.chunk().id() + " has a " + c.vector().length
            + "-dimensional vector, but the store holds " + dimension + "-dimensional ones. Embed every chunk with one model.");
      }
      dimension = c.vector().length;
    }
    bySource.put(source, List.copyOf(chunks));
  }

  @Override
  public List<ScoredChunk> search(float[] query, int topK, double minScore) {
    if (topK < 1) {
      throw new IllegalArgumentException("topK is " + topK + "; ask for at least one chunk.");
    }
    List<EmbeddedChunk> all = new ArrayList<>();
    synchronized (this) {
      bySource.values().forEach(all::addAll);
    }
    List<ScoredChunk> scored = new ArrayList<>();
    for (EmbeddedChunk c : all) {
      double score = Cosine.similarity(query, c.vector());
      if (score >= minScore) {
        scored.add(new ScoredChunk(c.chunk(), score));
      }
    }
    scored.sort(BEST_FIRST);
    return List.copyOf(scored.subList(0, Math.min(topK, scored.size())));
  }

  @Override
  public synchronized int size() {
    return bySource.values().stream().mapToInt(List::size).sum();
  }

  /** Highest score first; equal scores in chunk-id order, so results are repeatable. */
  public static final Comparator<ScoredChunk> BEST_FIRST =
      Comparator.comparingDouble(ScoredChunk::score).reversed().thenComparing(s -> s.chunk().id());
}
