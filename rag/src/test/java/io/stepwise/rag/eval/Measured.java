package io.stepwise.rag.eval;

import io.stepwise.rag.RepositoryDocs;
import io.stepwise.rag.chunk.Chunk;
import io.stepwise.rag.chunk.DocumentChunker;
import io.stepwise.rag.document.Document;
import io.stepwise.rag.document.DocumentLoader;
import io.stepwise.rag.retrieve.Bm25Retriever;
import io.stepwise.rag.retrieve.Retriever;
import io.stepwise.rag.retrieve.VectorRetriever;
import io.stepwise.rag.store.InMemoryVectorStore;
import java.io.IOException;
import java.util.List;

/** Both retrievers over the same chunks of the labelled corpus, measured on the labelled questions. */
final class Measured {
  /** How many chunks each retriever returns: enough for recall@5. */
  static final int DEPTH = 10;

  final int chunks;
  final List<RecallAtK.Ranking> miniLm;
  final List<RecallAtK.Ranking> bm25;

  private Measured(int chunks, List<RecallAtK.Ranking> miniLm, List<RecallAtK.Ranking> bm25) {
    this.chunks = chunks;
    this.miniLm = miniLm;
    this.bm25 = bm25;
  }

  static Measured with(LabelledSet set, int maxChars) {
    List<Document> documents = DocumentLoader.loadAll(RepositoryDocs.folder()).stream()
        .filter(d -> set.corpus().contains(d.source())).toList();
    if (documents.size() != set.corpus().size()) {
      throw new IllegalStateException("docs/ lacks some of the labelled corpus " + set.corpus()
          + "; relabel docs-questions.tsv for the files docs/ holds now");
    }
    DocumentChunker chunker = new DocumentChunker(maxChars);
    InMemoryVectorStore store = new InMemoryVectorStore();
    int count = 0;
    List<Chunk> all = new java.util.ArrayList<>();
    for (Document d : documents) {
      List<Chunk> chunks = chunker.chunk(d);
      store.replace(d.source(), RepositoryDocs.MINI_LM.embed(chunks));
      all.addAll(chunks);
      count += chunks.size();
    }
    // No score threshold: these measure the ranking alone.
    Retriever vector = new VectorRetriever(RepositoryDocs.MINI_LM, store, DEPTH, -1);
    Retriever keyword = new Bm25Retriever(all, DEPTH);
    return new Measured(count, RecallAtK.rank(vector, set.questions()), RecallAtK.rank(keyword, set.questions()));
  }

  static LabelledSet labelled() {
    try {
      return LabelledSet.load();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read docs-questions.tsv", e);
    }
  }

  String line(String name, List<RecallAtK.Ranking> r) {
    return String.format("%-17s recall@1 %.3f  recall@3 %.3f  recall@5 %.3f  MRR %.3f", name,
        RecallAtK.recall(r, 1), RecallAtK.recall(r, 3), RecallAtK.recall(r, 5), RecallAtK.mrr(r));
  }
}
