package io.stepwise.rag.store;

import java.util.List;

/** Where embedded chunks are kept and searched: LlamaIndex's {@code VectorStore}. */
public interface VectorStore {
  /**
   * Stores a document's chunks, replacing whatever was stored for {@code source} before. Replacing
   * rather than adding makes ingestion idempotent: a step that a resumed run re-executes (runs are
   * at-least-once) stores the same chunks again instead of duplicating them.
   */
  void replace(String source, List<EmbeddedChunk> chunks);

  /**
   * The {@code topK} chunks most similar to {@code query} by cosine similarity whose similarity is at
   * least {@code minScore}, best first; ties in chunk-id order.
   */
  List<ScoredChunk> search(float[] query, int topK, double minScore);

  /** How many chunks are stored. */
  int size();
}
