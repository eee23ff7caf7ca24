package io.stepwise.rag.synthesize;

import dev.langchain4j.model.chat.ChatModel;
import io.stepwise.rag.store.ScoredChunk;
import java.util.List;

/**
 * Asks a chat model to answer from the numbered sources only, citing them: LlamaIndex's
 * {@code compact} response mode, in one call. Any LangChain4j {@link ChatModel} works
 * (OpenAI-compatible servers such as Ollama or vLLM included).
 */
public final class LlmSynthesizer implements ResponseSynthesizer {
  private final ChatModel model;
  private final String label;

  /**
   * @param label who answers, shown with the answer, e.g. {@code "model: gpt-4o-mini"}
   */
  public LlmSynthesizer(ChatModel model, String label) {
    if (model == null) {
      throw new IllegalArgumentException("an LlmSynthesizer needs a ChatModel; use ExtractiveSynthesizer to answer without one");
    }
    this.model = model;
    this.label = label;
  }

  @Override
  public Synthesis synthesize(String question, List<ScoredChunk> sources) {
    if (sources.isEmpty()) {
      return new Synthesis(NO_SOURCES, label);
    }
    return new Synthesis(model.chat(prompt(question, sources)).strip(), label);
  }

  /** The prompt: rules, the numbered sources with their headings, then the question. */
  static String prompt(String question, List<ScoredChunk> sources) {
    StringBuilder p = new StringBuilder("""
        Answer the question using only the numbered sources below. After each claim, cite the \
        source it comes from as [n]. If the sources do not answer the question, say so; do not \
        use other knowledge. Be brief.

        """);
    for (int i = 0; i < sources.size(); i++) {
      p.append("[").append(i + 1).append("] ").append(sources.get(i).chunk().citation()).append('\n')
          .append(sources.get(i).chunk().text()).append("\n\n");
    }
    return p.append("Question: ").append(question).append('\n').toString();
  }
}
