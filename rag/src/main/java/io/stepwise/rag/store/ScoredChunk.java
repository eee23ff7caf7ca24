package io.stepwise.rag.store;

import io.stepwise.rag.chunk.Chunk;

/**
 * A chunk found for a query: LlamaIndex's {@code NodeWithScore}.
 *
 * @param chunk the chunk
 * @param score how well it matches; cosine similarity for vector search (-1 to 1), the BM25
 *     score for keyword search (0 and up); only comparable within one retriever
 */
public record ScoredChunk(Chunk chunk, double score) {}
