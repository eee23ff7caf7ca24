package io.stepwise.rag.ingest;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.rag.chunk.Chunk;
import io.stepwise.rag.document.Document;
import io.stepwise.rag.store.EmbeddedChunk;
import java.util.List;

/** The events of {@link IngestionFlow}: LlamaIndex's {@code IngestionPipeline}, one document per branch. */
public final class IngestEvents {
  private IngestEvents() {}

  /** Starts an ingestion of the Markdown and text files under each path (a folder or a file). */
  public record Ingest(List<String> paths) implements StartEvent {}

  /** One file to load. */
  public record LoadFile(String path, String source) implements Event {}

  /** A file, read. */
  public record Loaded(Document document) implements Event {}

  /** A document, split. */
  public record Chunked(String source, List<Chunk> chunks) implements Event {}

  /** A document's chunks with their vectors. */
  public record Embedded(String source, List<EmbeddedChunk> chunks) implements Event {}

  /** A document's chunks, in the store. */
  public record Stored(String source, int chunks) implements Event {}

  /** Written to the stream as each document is stored. */
  public record DocumentIngested(String source, int chunks) implements Event {}

  /**
   * The ingestion's result.
   *
   * @param documents the documents stored, by source name, sorted
   * @param chunks how many chunks were stored in all
   */
  public record Ingested(List<DocumentIngested> documents, int chunks) implements StopEvent {}
}
