package io.stepwise.rag.router;

import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.rag.query.QueryEvents.Citation;
import io.stepwise.rag.router.EmbeddingRouteSelector.Selection;
import io.stepwise.rag.router.RouterEvents.RoutedAnswer;
import io.stepwise.rag.router.RouterEvents.Routed;
import io.stepwise.rag.router.RouterEvents.RoutedQuery;
import io.stepwise.rag.store.ScoredChunk;
import io.stepwise.rag.synthesize.ResponseSynthesizer;
import io.stepwise.rag.synthesize.Synthesis;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends each question to the one index that suits it, then answers from that index:
 * LlamaIndex's {@code RouterQueryEngine} with an embedding selector. The routes are data (a list
 * given at construction), so the graph is two steps whatever their number.
 */
@Workflow(name = "rag-router", timeout = "3m")
public class RouterFlow {
  private final EmbeddingRouteSelector selector;
  private final ResponseSynthesizer synthesizer;

  public RouterFlow(EmbeddingRouteSelector selector, ResponseSynthesizer synthesizer) {
    if (selector == null || synthesizer == null) {
      throw new IllegalArgumentException("a RouterFlow needs a route selector and a synthesizer");
    }
    this.selector = selector;
    this.synthesizer = synthesizer;
  }

  @Step
  Routed route(RoutedQuery ev) {
    Selection s = selector.select(ev.question());
    List<ScoredChunk> kept = s.route().reranker().rerank(ev.question(), s.route().retriever().retrieve(ev.question()));
    return new Routed(ev.question(), s.route().name(), s.score(), kept);
  }

  @Step
  RoutedAnswer synthesize(Routed ev) {
    Synthesis s = synthesizer.synthesize(ev.question(), ev.chunks());
    List<Citation> citations = new ArrayList<>();
    for (int i = 0; i < ev.chunks().size(); i++) {
      ScoredChunk c = ev.chunks().get(i);
      citations.add(new Citation(i + 1, c.chunk().source(), c.chunk().heading(), c.score()));
    }
    return new RoutedAnswer(ev.question(), ev.route(), ev.routeScore(), s.answer(), s.synthesizer(), citations);
  }
}
