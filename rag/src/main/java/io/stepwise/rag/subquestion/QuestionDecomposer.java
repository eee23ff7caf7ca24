package io.stepwise.rag.subquestion;

import java.util.List;

/** Splits a question that spans several topics into questions that each one search can answer. */
public interface QuestionDecomposer {
  /** The sub-questions, at least one; a simple question may come back as itself. */
  List<String> decompose(String question);
}
