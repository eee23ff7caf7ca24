package io.stepwise.rag.retrieve;

import io.stepwise.rag.store.ScoredChunk;
import java.util.List;

/** Finds the chunks that answer a query, best first: LlamaIndex's {@code BaseRetriever}. */
public interface Retriever {
  List<ScoredChunk> retrieve(String query);
}
