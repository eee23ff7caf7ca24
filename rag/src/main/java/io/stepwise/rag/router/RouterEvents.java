package io.stepwise.rag.router;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.rag.query.QueryEvents.Citation;
import io.stepwise.rag.store.ScoredChunk;
import java.util.List;

/** The events of {@link RouterFlow}. */
public final class RouterEvents {
  private RouterEvents() {}

  /** Starts a routed query. */
  public record RoutedQuery(String question) implements StartEvent {}

  /** The route chosen, and what its retriever and reranker kept. */
  public record Routed(String question, String route, double routeScore, List<ScoredChunk> chunks) implements Event {}

  /**
   * The answer from the chosen route's index.
   *
   * @param route the route's name
   * @param routeScore how similar the route's description was to the question
   */
  public record RoutedAnswer(String question, String route, double routeScore, String answer, String synthesizer,
      List<Citation> sources) implements StopEvent {}
}
