package io.stepwise.rag.router;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.rag.RepositoryDocs;
import io.stepwise.rag.chunk.DocumentChunker;
import io.stepwise.rag.document.Document;
import io.stepwise.rag.document.Document.Format;
import io.stepwise.rag.rerank.Reranker;
import io.stepwise.rag.retrieve.VectorRetriever;
import io.stepwise.rag.router.RouterEvents.RoutedAnswer;
import io.stepwise.rag.router.RouterEvents.RoutedQuery;
import io.stepwise.rag.store.InMemoryVectorStore;
import io.stepwise.rag.synthesize.ExtractiveSynthesizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterFlowTest {
  private static Route route(String name, String description, String source, String markdown) {
    InMemoryVectorStore store = new InMemoryVectorStore();
    Document doc = new Document(source, Format.MARKDOWN, markdown);
    store.replace(source, RepositoryDocs.MINI_LM.embed(DocumentChunker.defaults().chunk(doc)));
    return new Route(name, description,
        new VectorRetriever(RepositoryDocs.MINI_LM, store, 2, VectorRetriever.DEFAULT_MIN_SCORE), Reranker.keepTop(2));
  }

  private static final List<Route> ROUTES = List.of(
      route("kitchen", "Recipes and cooking: baking bread, oven temperatures, ingredients", "kitchen/bread.md",
          "# Bread\n\nBake the loaf at 230 degrees for 35 minutes, until the crust is dark brown.\n"),
      route("workflows", "Stepwise workflows: steps, events, snapshots, resuming runs", "docs/runs.md",
          "# Runs\n\nResume a paused run from its snapshot with resume(snapshot).\n"));

  @Test
  void eachQuestionGoesToTheIndexWhoseDescriptionFitsIt() {
    var flow = RouterFlow_Workflow.of(new RouterFlow(new EmbeddingRouteSelector(RepositoryDocs.MINI_LM, ROUTES),
        new ExtractiveSynthesizer(1)));

    RoutedAnswer bread = flow.run(new RoutedQuery("How long should I bake a loaf of bread?")).result();
    RoutedAnswer resume = flow.run(new RoutedQuery("how do I resume a run?")).result();

    assertEquals("kitchen", bread.route());
    assertEquals("kitchen/bread.md", bread.sources().getFirst().file());
    assertEquals("- Bake the loaf at 230 degrees for 35 minutes, until the crust is dark brown. [1]", bread.answer());
    assertEquals("workflows", resume.route());
    assertEquals("docs/runs.md", resume.sources().getFirst().file());
  }

  @Test
  void routeNamesMustBeUnique() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new EmbeddingRouteSelector(RepositoryDocs.MINI_LM, List.of(ROUTES.get(0), ROUTES.get(0))));

    assertEquals("route names must be unique, got [kitchen, kitchen]", e.getMessage());
  }
}
