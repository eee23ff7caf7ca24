package io.stepwise.rag.query;

import io.stepwise.Context;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.rag.query.QueryEvents.Answer;
import io.stepwise.rag.query.QueryEvents.Query;
import io.stepwise.rag.query.QueryEvents.Reranked;
import io.stepwise.rag.query.QueryEvents.Retrieved;
import io.stepwise.rag.query.QueryEvents.SourcesFound;
import io.stepwise.rag.rerank.Reranker;
import io.stepwise.rag.retrieve.Retriever;
import io.stepwise.rag.synthesize.ResponseSynthesizer;
import io.stepwise.rag.synthesize.Synthesis;

/**
 * Answers a question from indexed documents and cites its sources: LlamaIndex's RAG workflow
 * ({@code retrieve}, {@code rerank}, {@code synthesize} as steps). Each part is plugged in, so
 * the same graph runs on MiniLM or BM25 retrieval, and on a chat model or the offline
 * extractive synthesizer.
 */
@Workflow(name = "rag-query", timeout = "3m")   // a local model's first answer can take a while
public class QueryFlow {
  private final Retriever retriever;
  private final Reranker reranker;
  private final ResponseSynthesizer synthesizer;

  public QueryFlow(Retriever retriever, Reranker reranker, ResponseSynthesizer synthesizer) {
    if (retriever == null || reranker == null || synthesizer == null) {
      throw new IllegalArgumentException("a QueryFlow needs a retriever, a reranker (Reranker.keepTop(n) keeps the retriever's order) and a synthesizer");
    }
    this.retriever = retriever;
    this.reranker = reranker;
    this.synthesizer = synthesizer;
  }

  @Step
  Retrieved retrieve(Query ev) {
    if (ev.question() == null || ev.question().isBlank()) {
      throw new IllegalArgumentException("The question is empty. Ask something, e.g. \"how do I resume a run?\"");
    }
    return new Retrieved(ev.question(), retriever.retrieve(ev.question()));
  }

  @Step
  Reranked rerank(Retrieved ev, Context<?> ctx) {
    Reranked kept = new Reranked(ev.question(), reranker.rerank(ev.question(), ev.chunks()));
    ctx.writeEventToStream(new SourcesFound(QueryEvents.citations(kept.chunks())));
    return kept;
  }

  @Step
  Answer synthesize(Reranked ev) {
    Synthesis s = synthesizer.synthesize(ev.question(), ev.chunks());
    return new Answer(ev.question(), s.answer(), s.synthesizer(), QueryEvents.citations(ev.chunks()));
  }
}
