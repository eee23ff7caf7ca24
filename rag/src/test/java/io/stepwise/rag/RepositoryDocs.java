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
 * The corpus the tests ask questions of: a frozen copy of the repository's docs/ (the 13 files the
 * questions of docs-questions.tsv were labelled against, as they were when recall was measured),
 * ingested once per test JVM by the ingestion workflow with all-MiniLM-L6-v2 (embedding it takes
 * seconds). Frozen, because docs/ changes with every feature, and every change moved rankings
 * and broke exact assertions that have nothing to do with the code under test.
 */
public final class RepositoryDocs {
  /** Loaded once: the model's ONNX session is the expensive part. */
  public static final Embedder MINI_LM = Embedder.miniLm();

  private static Index index;

  private RepositoryDocs() {}

  /** The frozen docs/ folder among the test resources (tests run in rag/). */
  public static Path folder() {
    Path docs = Path.of("src", "test", "resources", "corpus", "docs").toAbsolutePath().normalize();
    if (!Files.isDirectory(docs)) {
      throw new IllegalStateException("No frozen docs/ folder at " + docs + "; run the tests from the rag module");
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

  /** The number of Markdown files in the frozen docs/, counted without the loader. */
  public static long markdownFiles() throws java.io.IOException {
    try (var files = Files.list(folder())) {
      return files.filter(p -> p.toString().endsWith(".md")).count();
    }
  }

  /** A store holding docs/, and what the ingestion reported. */
  public record Index(InMemoryVectorStore store, Ingested ingested) {}

}
