package io.stepwise.rag.eval;

import io.stepwise.rag.retrieve.Retriever;
import io.stepwise.rag.store.ScoredChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * Ranking measures over a labelled set. A chunk is relevant when its document answers the
 * question; recall@k is the share of questions with a relevant chunk among the top k, MRR the
 * mean of 1 / the rank of the first relevant chunk (0 when none is found).
 */
final class RecallAtK {
  private RecallAtK() {}

  /**
   * One question's ranking.
   *
   * @param sources the documents of the chunks found, best first
   * @param firstHit the 1-based rank of the first relevant chunk, 0 when none was found
   */
  record Ranking(LabelledQuestion question, List<String> sources, int firstHit) {
    boolean hitWithin(int k) {
      return firstHit > 0 && firstHit <= k;
    }
  }

  /** The retriever's ranking for each question; the retriever should return at least as many chunks as the largest k asked. */
  static List<Ranking> rank(Retriever retriever, List<LabelledQuestion> questions) {
    List<Ranking> rankings = new ArrayList<>();
    for (LabelledQuestion q : questions) {
      List<String> sources = retriever.retrieve(q.question()).stream().map(ScoredChunk::chunk).map(c -> c.source()).toList();
      int first = 0;
      for (int i = 0; i < sources.size() && first == 0; i++) {
        if (q.relevant().contains(sources.get(i))) {
          first = i + 1;
        }
      }
      rankings.add(new Ranking(q, sources, first));
    }
    return rankings;
  }

  static double recall(List<Ranking> rankings, int k) {
    return (double) rankings.stream().filter(r -> r.hitWithin(k)).count() / rankings.size();
  }

  static double mrr(List<Ranking> rankings) {
    return rankings.stream().mapToDouble(r -> r.firstHit() == 0 ? 0 : 1.0 / r.firstHit()).sum() / rankings.size();
  }
}
