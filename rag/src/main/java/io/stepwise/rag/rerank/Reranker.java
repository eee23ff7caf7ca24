package io.stepwise.rag.rerank;

import io.stepwise.rag.store.ScoredChunk;
import java.util.List;

/**
 * Reorders and trims what a retriever found before it is synthesized: LlamaIndex's node
 * postprocessors ({@code LLMRerank}, {@code SentenceTransformerRerank}).
 */
public interface Reranker {
  List<ScoredChunk> rerank(String query, List<ScoredChunk> candidates);

  /** Keeps the retriever's order and its first {@code n} chunks. */
  static Reranker keepTop(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("keepTop(" + n + ") would drop every chunk; keep at least one.");
    }
    return (query, candidates) -> List.copyOf(candidates.subList(0, Math.min(n, candidates.size())));
  }
}
