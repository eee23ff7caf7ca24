package io.stepwise.rag.retrieve;

import io.stepwise.rag.embed.Embedder;
import io.stepwise.rag.store.ScoredChunk;
import io.stepwise.rag.store.VectorStore;
import java.util.List;

/**
 * Embeds the query and asks the store for its nearest chunks: LlamaIndex's
 * {@code VectorIndexRetriever} ({@code similarity_top_k}) with a {@code SimilarityPostprocessor}
 * ({@code similarity_cutoff}) folded in.
 */
public final class VectorRetriever implements Retriever {
  /**
   * all-MiniLM-L6-v2 scores unrelated English text around 0 to 0.2 and a passage on the question's
   * topic above 0.3; below this cutoff a chunk is noise.
   */
  public static final double DEFAULT_MIN_SCORE = 0.25;

  private final Embedder embedder;
  private final VectorStore store;
  private final int topK;
  private final double minScore;

  /**
   * @param topK how many chunks to return at most, at least 1
   * @param minScore the least cosine similarity a chunk needs, from -1 to 1
   */
  public VectorRetriever(Embedder embedder, VectorStore store, int topK, double minScore) {
    if (topK < 1) {
      throw new IllegalArgumentException("topK is " + topK + "; a retriever must return at least one chunk. Use 3 to 5 for question answering.");
    }
    if (minScore < -1 || minScore > 1 || Double.isNaN(minScore)) {
      throw new IllegalArgumentException("minScore is " + minScore + "; a cosine similarity lies between -1 and 1. Use "
          + DEFAULT_MIN_SCORE + " for all-MiniLM-L6-v2.");
    }
    this.embedder = embedder;
    this.store = store;
    this.topK = topK;
    this.minScore = minScore;
  }

  @Override
  public List<ScoredChunk> retrieve(String query) {
    return store.search(embedder.embedQuery(query), topK, minScore);
  }
}
