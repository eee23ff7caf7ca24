package io.stepwise.rag.store;

import io.stepwise.rag.chunk.Chunk;

/**
 * A chunk with the embedding of its {@link Chunk#searchText()}.
 *
 * @param chunk the chunk
 * @param vector its embedding; a store compares vectors by cosine similarity
 */
public record EmbeddedChunk(Chunk chunk, float[] vector) {}
