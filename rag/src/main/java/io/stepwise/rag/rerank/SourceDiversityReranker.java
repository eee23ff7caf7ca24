package io.stepwise.rag.rerank;

import io.stepwise.rag.store.ScoredChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps at most {@code perSource} chunks of any one document, in the retriever's order, then the
 * first {@code n}: a cheap guard against one long document crowding every other source out of
 * the answer. Runs offline; an LLM reranker is a {@link Reranker} over a chat model.
 */
public final class SourceDiversityReranker implements Reranker {
  private final int n;
  private final int perSource;

  public SourceDiversityReranker(int n, int perSource) {
    if (n < 1 || perSource < 1) {
      throw new IllegalArgumentException("n is " + n + " and perSource " + perSource + "; keep at least one chunk of each.");
    }
    this.n = n;
    this.perSource = perSource;
  }

  @Override
  public List<ScoredChunk> rerank(String query, List<ScoredChunk> candidates) {
    Map<String, Integer> taken = new HashMap<>();
    List<ScoredChunk> kept = new ArrayList<>();
    for (ScoredChunk c : candidates) {
      if (kept.size() == n) {
        break;
      }
      if (taken.merge(c.chunk().source(), 1, Integer::sum) <= perSource) {
        kept.add(c);
      }
    }
    return List.copyOf(kept);
  }
}
