package io.stepwise.rag.ingest;

import io.stepwise.Context;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.rag.chunk.DocumentChunker;
import io.stepwise.rag.document.DocumentLoader;
import io.stepwise.rag.document.DocumentLoader.SourceFile;
import io.stepwise.rag.embed.Embedder;
import io.stepwise.rag.ingest.IngestEvents.Chunked;
import io.stepwise.rag.ingest.IngestEvents.DocumentIngested;
import io.stepwise.rag.ingest.IngestEvents.Embedded;
import io.stepwise.rag.ingest.IngestEvents.Ingest;
import io.stepwise.rag.ingest.IngestEvents.Ingested;
import io.stepwise.rag.ingest.IngestEvents.LoadFile;
import io.stepwise.rag.ingest.IngestEvents.Loaded;
import io.stepwise.rag.ingest.IngestEvents.Stored;
import io.stepwise.rag.store.VectorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads, chunks, embeds and stores documents, each document on its own branch (fan-out), then
 * gathers the branches (fan-in): LlamaIndex's {@code IngestionPipeline} as a workflow. The store
 * replaces a document's chunks each time, so a resumed run that re-executes a step stores the
 * same chunks again rather than twice.
 */
@Workflow(name = "rag-ingestion", timeout = "10m")   // embedding runs on the CPU: a large folder takes minutes
public class IngestionFlow {
  /** The store key under which the number of documents to gather is kept. */
  static final String DOCUMENT_COUNT = "rag.documents";

  private final DocumentChunker chunker;
  private final Embedder embedder;
  private final VectorStore store;

  public IngestionFlow(DocumentChunker chunker, Embedder embedder, VectorStore store) {
    if (chunker == null || embedder == null || store == null) {
      throw new IllegalArgumentException("an IngestionFlow needs a chunker, an embedder and a vector store");
    }
    this.chunker = chunker;
    this.embedder = embedder;
    this.store = store;
  }

  @Step
  List<LoadFile> discover(Ingest ev, Context<?> ctx) {
    if (ev.paths() == null || ev.paths().isEmpty()) {
      throw new IllegalArgumentException("Nothing to ingest: pass at least one folder or file.");
    }
    List<LoadFile> files = new ArrayList<>();
    Map<String, String> pathBySource = new HashMap<>();
    for (String path : ev.paths()) {
      for (SourceFile f : DocumentLoader.discover(Path.of(path))) {
        String earlier = pathBySource.putIfAbsent(f.source(), f.path());
        if (earlier != null) {
          // One source name for two files would let the second replace the first in the store.
          throw new IllegalArgumentException("Files " + earlier + " and " + f.path() + " would both be cited as "
              + f.source() + ". Ingest folders with different names, or in separate stores.");
        }
        files.add(new LoadFile(f.path(), f.source()));
      }
    }
    ctx.store().put(DOCUMENT_COUNT, files.size());
    return files;
  }

  @Step
  Loaded load(LoadFile ev) {
    return new Loaded(DocumentLoader.load(new SourceFile(ev.path(), ev.source())));
  }

  @Step
  Chunked chunk(Loaded ev) {
    return new Chunked(ev.document().source(), chunker.chunk(ev.document()));
  }

  // Two at once: the model already spreads one batch over the cores.
  @Step(workers = 2)
  Embedded embed(Chunked ev) {
    return new Embedded(ev.source(), embedder.embed(ev.chunks()));
  }

  @Step
  Stored store(Embedded ev, Context<?> ctx) {
    store.replace(ev.source(), ev.chunks());
    ctx.writeEventToStream(new DocumentIngested(ev.source(), ev.chunks().size()));
    return new Stored(ev.source(), ev.chunks().size());
  }

  @Step
  Optional<Ingested> gather(Stored ev, Context<?> ctx) {
    int expected = ((Number) ctx.store().get(DOCUMENT_COUNT)).intValue();
    return ctx.collectEvents(ev, Collections.nCopies(expected, Stored.class)).map(all -> {
      List<DocumentIngested> documents = all.stream()
          .map(e -> (Stored) e)
          .map(s -> new DocumentIngested(s.source(), s.chunks()))
          .sorted(Comparator.comparing(DocumentIngested::source))
          .toList();
      return new Ingested(documents, documents.stream().mapToInt(DocumentIngested::chunks).sum());
    });
  }
}
