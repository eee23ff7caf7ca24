package io.stepwise.rag.subquestion;

import dev.langchain4j.model.chat.ChatModel;
import java.util.List;

/**
 * Asks a chat model for the sub-questions, one per line: LlamaIndex's
 * {@code LLMQuestionGenerator}, without the tool choice (every sub-question searches the same
 * index).
 */
public final class LlmQuestionDecomposer implements QuestionDecomposer {
  private final ChatModel model;
  private final int max;

  public LlmQuestionDecomposer(ChatModel model, int max) {
    if (model == null || max < 1) {
      throw new IllegalArgumentException("an LlmQuestionDecomposer needs a ChatModel and room for at least one sub-question");
    }
    this.model = model;
    this.max = max;
  }

  @Override
  public List<String> decompose(String question) {
    String reply = model.chat("""
        Split the question below into at most %d short, self-contained questions that can each be \
        answered by searching documentation on its own. Write one question per line and nothing \
        else. If the question is already simple, write it unchanged.

        Question: %s
        """.formatted(max, question));
    List<String> questions = reply.lines()
        .map(l -> l.strip().replaceFirst("^([-*]|\\d+[.)])\\s*", "").strip())
        .filter(l -> !l.isEmpty())
        .limit(max)
        .toList();
    if (questions.isEmpty()) {
      throw new IllegalStateException("The model returned no sub-question for: " + question
          + ". Its reply was: '" + reply + "'. Try again, or ask the QueryFlow directly.");
    }
    return questions;
  }
}
