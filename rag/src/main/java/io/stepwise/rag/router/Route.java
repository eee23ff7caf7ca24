package io.stepwise.rag.router;

import io.stepwise.rag.rerank.Reranker;
import io.stepwise.rag.retrieve.Retriever;

/**
 * One index a router can send a question to: LlamaIndex's {@code QueryEngineTool}.
 *
 * @param name how answers name the route, e.g. {@code benchmarks}
 * @param description what the index holds, in words a question about it would use; the
 *     selector compares questions with it
 */
public record Route(String name, String description, Retriever retriever, Reranker reranker) {
  public Route {
    if (name == null || name.isBlank() || description == null || description.isBlank()) {
      throw new IllegalArgumentException("a route needs a name and a description of what its index holds");
    }
    if (retriever == null || reranker == null) {
      throw new IllegalArgumentException("route " + name + " needs a retriever and a reranker");
    }
  }
}
