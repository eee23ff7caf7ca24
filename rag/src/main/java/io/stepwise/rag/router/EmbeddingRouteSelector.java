package io.stepwise.rag.router;

import io.stepwise.rag.embed.Embedder;
import io.stepwise.rag.store.Cosine;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the route whose description is most similar to the question, by embedding both:
 * LlamaIndex's {@code EmbeddingSingleSelector}. Offline, no chat model.
 */
public final class EmbeddingRouteSelector {
  private final Embedder embedder;
  private final List<Route> routes;
  private final List<float[]> descriptions = new ArrayList<>();

  public EmbeddingRouteSelector(Embedder embedder, List<Route> routes) {
    if (routes.isEmpty()) {
      throw new IllegalArgumentException("a router needs at least one route");
    }
    if (routes.stream().map(Route::name).distinct().count() != routes.size()) {
      throw new IllegalArgumentException("route names must be unique, got " + routes.stream().map(Route::name).toList());
    }
    this.embedder = embedder;
    this.routes = List.copyOf(routes);
    routes.forEach(r -> descriptions.add(embedder.embedQuery(r.description())));
  }

  /** The best route for {@code question} and its similarity; the first route wins a tie. */
  public Selection select(String question) {
    float[] q = embedder.embedQuery(question);
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < routes.size(); i++) {
      double score = Cosine.similarity(q, descriptions.get(i));
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return new Selection(routes.get(best), bestScore);
  }

  /** A chosen route and how similar its description is to the question. */
  public record Selection(Route route, double score) {}
}
