package io.stepwise.rag.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.rag.chunk.DocumentChunker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Retrieval quality of all-MiniLM-L6-v2 against a BM25 keyword baseline, over the same chunks of
 * the repository's docs/ and the labelled questions of docs-questions.tsv. What it measures is
 * printed to target/surefire-reports/io.stepwise.rag.eval.RetrievalQualityTest-output.txt and
 * quoted in docs/rag.md.
 */
class RetrievalQualityTest {
  /**
   * Measured 20 of 22 (0.909) at the default chunk size; the floor allows one question to move
   * when docs/ is edited.
   */
  private static final double RECALL_AT_3_FLOOR = 0.86;

  @Test
  void miniLmBeatsTheKeywordBaselineAtRecallAt3() {
    LabelledSet set = Measured.labelled();
    Measured m = Measured.with(set, DocumentChunker.DEFAULT_MAX_CHARS);
    report("all-MiniLM-L6-v2", m.miniLm);
    report("BM25", m.bm25);
    System.out.println("questions: " + set.questions().size() + ", chunks: " + m.chunks);
    System.out.println(m.line("all-MiniLM-L6-v2", m.miniLm));
    System.out.println(m.line("BM25", m.bm25));

    double vector = RecallAtK.recall(m.miniLm, 3);
    double keyword = RecallAtK.recall(m.bm25, 3);
    assertEquals(22, set.questions().size());
    assertTrue(vector > keyword, "all-MiniLM-L6-v2 recall@3 " + vector + " does not beat BM25's " + keyword);
    assertTrue(RecallAtK.mrr(m.miniLm) > RecallAtK.mrr(m.bm25), "all-MiniLM-L6-v2 MRR does not beat BM25's");
    assertTrue(vector >= RECALL_AT_3_FLOOR, "all-MiniLM-L6-v2 recall@3 fell to " + vector + ", below " + RECALL_AT_3_FLOOR);
  }

  /**
   * The chunk-size sweep docs/rag.md reports (about a minute of embedding, so not in every build):
   * {@code ./mvnw -q verify -pl rag -am -Dtest=RetrievalQualityTest -Drag.sweep=true}.
   */
  @Test
  @EnabledIfSystemProperty(named = "rag.sweep", matches = "true")
  void chunkSizeSweep() {
    LabelledSet set = Measured.labelled();
    for (int size : List.of(400, 600, 900, 1500)) {
      Measured m = Measured.with(set, size);
      System.out.println("maxChars " + size + ", chunks " + m.chunks);
      System.out.println("  " + m.line("all-MiniLM-L6-v2", m.miniLm));
      System.out.println("  " + m.line("BM25", m.bm25));
    }
  }

  private static void report(String name, List<RecallAtK.Ranking> rankings) {
    System.out.println("== " + name);
    for (RecallAtK.Ranking r : rankings) {
      System.out.println((r.hitWithin(3) ? "hit  " : "MISS ") + r.question().question() + "  -> "
          + r.sources().subList(0, Math.min(3, r.sources().size()))
          + (r.hitWithin(3) ? "" : "  wanted " + r.question().relevant()));
    }
  }
}
