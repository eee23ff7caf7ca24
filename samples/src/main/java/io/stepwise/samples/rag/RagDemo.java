package io.stepwise.samples.rag;

import io.stepwise.CompiledWorkflow;
import io.stepwise.WorkflowHandler;
import io.stepwise.rag.chunk.DocumentChunker;
import io.stepwise.rag.embed.Embedder;
import io.stepwise.rag.ingest.IngestEvents.DocumentIngested;
import io.stepwise.rag.ingest.IngestEvents.Ingest;
import io.stepwise.rag.ingest.IngestEvents.Ingested;
import io.stepwise.rag.ingest.IngestionFlow;
import io.stepwise.rag.ingest.IngestionFlow_Workflow;
import io.stepwise.rag.query.QueryEvents.Answer;
import io.stepwise.rag.query.QueryEvents.Query;
import io.stepwise.rag.query.QueryFlow;
import io.stepwise.rag.query.QueryFlow_Workflow;
import io.stepwise.rag.rerank.SourceDiversityReranker;
import io.stepwise.rag.retrieve.VectorRetriever;
import io.stepwise.rag.store.InMemoryVectorStore;
import io.stepwise.rag.synthesize.ExtractiveSynthesizer;
import io.stepwise.rag.synthesize.LlmSynthesizer;
import io.stepwise.rag.synthesize.ResponseSynthesizer;
import io.stepwise.samples.llm.ChatModels;
import io.stepwise.samples.llm.ModelSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code rag} sample: ingests the repository's docs/ with all-MiniLM-L6-v2 in process, then
 * answers "how do I resume a run?" citing file and heading. Offline (no {@code OPENAI_API_KEY})
 * the answer is quoted by the extractive synthesizer, and says so; with a key a real
 * OpenAI-compatible model writes it. Another question:
 * {@code ./mvnw -q -pl samples -am compile exec:java -Dexec.mainClass=io.stepwise.samples.rag.RagDemo -Dexec.args="how do I draw a run?"}
 */
public final class RagDemo {
  /** The sample's question. */
  public static final String QUESTION = "how do I resume a run?";

  private RagDemo() {}

  public static void main(String[] args) {
    run(System.out, args.length == 0 ? QUESTION : String.join(" ", args), System.getenv());
  }

  public static void run(PrintStream out) {
    run(out, QUESTION, System.getenv());
  }

  static void run(PrintStream out, String question, Map<String, String> env) {
    ModelSettings settings = ModelSettings.from(env);
    ResponseSynthesizer synthesizer = settings.apiKey().isEmpty()
        ? new ExtractiveSynthesizer(4)
        : new LlmSynthesizer(ChatModels.openAi(settings), "model: " + settings.modelName() + " at " + settings.baseUrl());
    out.println(settings.apiKey().isEmpty()
        ? "synthesizer: " + ExtractiveSynthesizer.LABEL + " — set OPENAI_API_KEY to have a real model write the answer"
        : "synthesizer: model " + settings.modelName() + " at " + settings.baseUrl());
    Path docs = docsFolder();
    out.println("Stepwise sample: retrieval-augmented answers over " + docs + " (embeddings: all-MiniLM-L6-v2, in process)");

    Embedder embedder = Embedder.miniLm();
    InMemoryVectorStore store = new InMemoryVectorStore();
    WorkflowHandler<Ingested> ingestion = IngestionFlow_Workflow.of(new IngestionFlow(DocumentChunker.defaults(), embedder, store))
        .run(new Ingest(List.of(docs.toString())));
    long stored = ingestion.events().filter(e -> e instanceof DocumentIngested).count();
    Ingested ingested = ingestion.result();
    out.printf("Ingested %d documents (%d streamed), %d chunks%n%n", ingested.documents().size(), stored, ingested.chunks());

    Answer answer = query(embedder, store, synthesizer).run(new Query(question)).result();
    out.println("Q: " + answer.question());
    out.println("A (" + answer.synthesizer() + "):");
    out.println(answer.answer());
    out.println();
    out.println("Sources:");
    answer.sources().forEach(c -> out.println("  " + c));
    if (answer.sources().isEmpty()) {
      out.println("  (none above the similarity threshold " + VectorRetriever.DEFAULT_MIN_SCORE + ")");
    }
  }

  /** Top 6 by similarity, then at most 2 chunks per document, 4 in all. */
  public static CompiledWorkflow<Query, Answer> query(Embedder embedder, InMemoryVectorStore store, ResponseSynthesizer synthesizer) {
    return QueryFlow_Workflow.of(new QueryFlow(new VectorRetriever(embedder, store, 6, VectorRetriever.DEFAULT_MIN_SCORE),
        new SourceDiversityReranker(4, 2), synthesizer));
  }

  /** The query workflow's graph, for {@code draw rag}: nothing is loaded to draw it. */
  public static CompiledWorkflow<Query, Answer> graphOnly() {
    return QueryFlow_Workflow.of(new QueryFlow(q -> List.of(), new SourceDiversityReranker(4, 2), new ExtractiveSynthesizer(4)));
  }

  /** docs/ of this repository: from the root (Maven's exec:java) or from a module folder (tests). */
  static Path docsFolder() {
    for (Path candidate : List.of(Path.of("docs"), Path.of("..", "docs"))) {
      if (Files.isRegularFile(candidate.resolve("persistence.md"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("No docs/ folder of the Stepwise repository here (" + Path.of("").toAbsolutePath()
        + "). Run the sample from the repository's root.");
  }
}
