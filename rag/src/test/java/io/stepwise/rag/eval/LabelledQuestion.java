package io.stepwise.rag.eval;

import java.util.Set;

/**
 * A question with the documents of docs/ that answer it.
 *
 * @param question what a user asks
 * @param relevant the answering documents' source names, e.g. {@code docs/persistence.md}
 */
record LabelledQuestion(String question, Set<String> relevant) {}
