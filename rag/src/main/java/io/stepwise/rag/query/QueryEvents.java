package io.stepwise.rag.query;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.rag.store.ScoredChunk;
import java.util.List;

/** The events of {@link QueryFlow}: LlamaIndex's RAG workflow, retrieve → rerank → synthesize. */
public final class QueryEvents {
  private QueryEvents() {}

  /** Starts a query. */
  public record Query(String question) implements StartEvent {}

  /** What the retriever found, best first (LlamaIndex's {@code RetrieverEvent}). */
  public record Retrieved(String question, List<ScoredChunk> chunks) implements Event {}

  /** What is left after reranking, in the order the answer numbers its sources (LlamaIndex's {@code RerankEvent}). */
  public record Reranked(String question, List<ScoredChunk> chunks) implements Event {}

  /** Written to the stream once the sources are known, before the (possibly slow) synthesis. */
  public record SourcesFound(List<Citation> sources) implements Event {}

  /**
   * One source of an answer.
   *
   * @param number how the answer cites it: {@code [number]}
   * @param file the document, e.g. {@code docs/persistence.md}
   * @param heading the section's heading path, empty when the text stands before any heading
   * @param score the retriever's score
   */
  public record Citation(int number, String file, String heading, double score) {
    /** {@code [1] docs/persistence.md § Snapshots (0.61)}. */
    @Override
    public String toString() {
      return "[" + number + "] " + file + (heading.isEmpty() ? "" : " § " + heading) + String.format(" (%.2f)", score);
    }
  }

  /**
   * The answer, with the sources it cites.
   *
   * @param synthesizer who wrote the answer, e.g. that it was quoted offline without a model
   */
  public record Answer(String question, String answer, String synthesizer, List<Citation> sources) implements StopEvent {}

  static List<Citation> citations(List<ScoredChunk> chunks) {
    return java.util.stream.IntStream.range(0, chunks.size())
        .mapToObj(i -> new Citation(i + 1, chunks.get(i).chunk().source(), chunks.get(i).chunk().heading(), chunks.get(i).score()))
        .toList();
  }
}
