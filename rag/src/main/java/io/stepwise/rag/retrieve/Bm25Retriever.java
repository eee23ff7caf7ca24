package io.stepwise.rag.retrieve;

import io.stepwise.rag.chunk.Chunk;
import io.stepwise.rag.store.InMemoryVectorStore;
import io.stepwise.rag.store.ScoredChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keyword search by Okapi BM25 (k1 = 1.2, b = 0.75) over the chunks' {@link Chunk#searchText()}:
 * LlamaIndex's {@code BM25Retriever}, and the baseline the embedding retriever is measured
 * against. Built once over a fixed set of chunks.
 */
public final class Bm25Retriever implements Retriever {
  private static final double K1 = 1.2;
  private static final double B = 0.75;

  private final List<Chunk> chunks;
  private final List<Map<String, Integer>> termCounts = new ArrayList<>();
  private final int[] lengths;
  private final Map<String, Integer> documentFrequency = new HashMap<>();
  private final double averageLength;
  private final int topK;

  public Bm25Retriever(List<Chunk> chunks, int topK) {
    if (topK < 1) {
      throw new IllegalArgumentException("topK is " + topK + "; a retriever must return at least one chunk.");
    }
    this.chunks = List.copyOf(chunks);
    this.topK = topK;
    this.lengths = new int[chunks.size()];
    long total = 0;
    for (int i = 0; i < chunks.size(); i++) {
      List<String> terms = Terms.of(chunks.get(i).searchText());
      Map<String, Integer> counts = new HashMap<>();
      terms.forEach(t -> counts.merge(t, 1, Integer::sum));
      counts.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
      termCounts.add(counts);
      lengths[i] = terms.size();
      total += terms.size();
    }
    this.averageLength = chunks.isEmpty() ? 0 : (double) total / chunks.size();
  }

  @Override
  public List<ScoredChunk> retrieve(String query) {
    List<String> queryTerms = Terms.of(query).stream().distinct().toList();
    List<ScoredChunk> scored = new ArrayList<>();
    int n = chunks.size();
    for (int i = 0; i < n; i++) {
      double score = 0;
      for (String term : queryTerms) {
        int tf = termCounts.get(i).getOrDefault(term, 0);
        if (tf == 0) {
          continue;
        }
        int df = documentFrequency.get(term);
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[i] / averageLength));
      }
      if (score > 0) {
        scored.add(new ScoredChunk(chunks.get(i), score));
      }
    }
    scored.sort(InMemoryVectorStore.BEST_FIRST);
    return List.copyOf(scored.subList(0, Math.min(topK, scored.size())));
  }
}
