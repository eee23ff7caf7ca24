package io.stepwise.rag.synthesize;

import io.stepwise.rag.retrieve.Terms;
import io.stepwise.rag.store.ScoredChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Answers without a language model: quotes, from each retrieved chunk in turn, the sentence that
 * shares the most words with the question (then the next best sentences), each with its source
 * number. Nothing is generated, so nothing is made up, but the answer is only as fluent as the
 * quotes; its label says so.
 */
public final class ExtractiveSynthesizer implements ResponseSynthesizer {
  /** The label shown with every answer: a reader must not mistake quotes for a model's answer. */
  public static final String LABEL = "extractive (offline, no language model): sentences quoted from the sources";

  private final int maxSentences;

  public ExtractiveSynthesizer(int maxSentences) {
    if (maxSentences < 1) {
      throw new IllegalArgumentException("maxSentences is " + maxSentences + "; quote at least one sentence.");
    }
    this.maxSentences = maxSentences;
  }

  @Override
  public Synthesis synthesize(String question, List<ScoredChunk> sources) {
    if (sources.isEmpty()) {
      return new Synthesis(NO_SOURCES, LABEL);
    }
    Set<String> asked = new HashSet<>(Terms.of(question));
    List<Candidate> candidates = new ArrayList<>();
    for (int s = 0; s < sources.size(); s++) {
      List<String> sentences = Sentences.of(sources.get(s).chunk().text());
      for (int i = 0; i < sentences.size(); i++) {
        Set<String> words = new HashSet<>(Terms.of(sentences.get(i)));
        words.retainAll(asked);
        candidates.add(new Candidate(s, i, sentences.get(i), words.size()));
      }
    }
    // Each source's best sentence first, in the retriever's order, so the best source is always
    // quoted; then the remaining sentences with the most question words. Among equals, the better
    // source, then the earlier sentence.
    Comparator<Candidate> best = Comparator.comparingInt(Candidate::overlap).reversed()
        .thenComparingInt(Candidate::source).thenComparingInt(Candidate::position);
    List<Candidate> chosen = new ArrayList<>();
    for (int s = 0; s < sources.size() && chosen.size() < maxSentences; s++) {
      int source = s;
      candidates.stream().filter(c -> c.source() == source && c.overlap() > 0).min(best).ifPresent(chosen::add);
    }
    candidates.stream().filter(c -> !chosen.contains(c)).sorted(best)
        .limit(Math.max(0, maxSentences - chosen.size())).forEach(chosen::add);
    chosen.sort(Comparator.comparingInt(Candidate::source).thenComparingInt(Candidate::position));
    StringBuilder answer = new StringBuilder();
    for (Candidate c : chosen) {
      answer.append(answer.isEmpty() ? "" : "\n").append("- ").append(c.text()).append(" [").append(c.source() + 1).append("]");
    }
    return new Synthesis(answer.toString(), LABEL);
  }

  private record Candidate(int source, int position, String text, int overlap) {}
}
