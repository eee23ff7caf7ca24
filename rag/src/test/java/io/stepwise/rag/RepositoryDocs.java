package io.stepwise.rag;

import io.stepwise.rag.chunk.DocumentChunker;
import io.stepwise.rag.embed.Embedder;
import io.stepwise.rag.ingest.IngestEvents.Ingest;
import io.stepwise.rag.ingest.IngestEvents.Ingested;
import io.stepwise.rag.ingest.IngestionFlow;
import io.stepwise.rag.ingest.IngestionFlow_Workflow;
import io.stepwise.rag.store.InMemoryVectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The repository's own docs/ folder, the corpus the tests ask questions of, ingested once per
 * test JVM by the ingestion workflow with all-MiniLM-L6-v2 (embedding it takes seconds).
 */
public final class RepositoryDocs {
  /** Loaded once: the model's ONNX session is the expensive part. */
  public static final Embedder MINI_LM = Embedder.miniLm();

  private static Index index;

  private RepositoryDocs() {}

  /** The docs/ folder beside this module (tests run in rag/). */
  public static Path folder() {
    Path docs = Path.of("..", "docs").toAbsolutePath().normalize();
    if (!Files.isDirectory(docs)) {
      throw new IllegalStateException("No docs/ folder at " + docs + "; run the tests from the rag module of the repository");
    }
    return docs;
  }

  /** docs/ ingested into an in-memory store by {@link IngestionFlow}. */
  public static synchronized Index index() {
    if (index == null) {
      InMemoryVectorStore store = new InMemoryVectorStore();
      Ingested ingested = IngestionFlow_Workflow.of(new IngestionFlow(DocumentChunker.defaults(), MINI_LM, store))
          .run(new Ingest(List.of(folder().toString()))).result();
      index = new Index(store, ingested);
    }
    return index;
  }

  /** The number of Markdown files in docs/, counted without the loader. */
  public static long markdownFiles() throws java.io.IOException {
    try (var files = Files.list(folder())) {
      return files.filter(p -> p.toString().endsWith(".md")).count();
    }
  }

  /** A store holding docs/, and what the ingestion reported. */
  public record Index(InMemoryVectorStore store, Ingested ingested) {}

}
