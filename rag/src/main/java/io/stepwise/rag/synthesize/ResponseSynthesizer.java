package io.stepwise.rag.synthesize;

import io.stepwise.rag.store.ScoredChunk;
import java.util.List;

/**
 * Writes an answer to a question from the chunks retrieved for it, citing them by number (the
 * first source is {@code [1]}): LlamaIndex's {@code ResponseSynthesizer}.
 */
public interface ResponseSynthesizer {
  /** What every synthesizer answers when no chunk was retrieved: it must not make one up. */
  String NO_SOURCES = "The indexed documents hold nothing that answers this question.";

  Synthesis synthesize(String question, List<ScoredChunk> sources);
}
