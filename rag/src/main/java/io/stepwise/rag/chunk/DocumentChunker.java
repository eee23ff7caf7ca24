package io.stepwise.rag.chunk;

import io.stepwise.rag.document.Document;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits documents into chunks: LlamaIndex's node parser ({@code MarkdownNodeParser} followed
 * by a {@code SentenceSplitter}). Markdown is cut at its headings first, so that no chunk mixes
 * two sections and each carries its heading path; then each section, or a whole text file, is
 * packed paragraph by paragraph into chunks of at most {@code maxChars}.
 */
public final class DocumentChunker {
  /**
   * About 130 word pieces of English prose, well inside the 256 all-MiniLM-L6-v2 was trained on
   * (its embeddings of longer texts blur). Of 400, 600, 900 and 1500 characters, 600 gave MiniLM
   * its best recall@1 and MRR on docs/ (docs/rag.md, "Retrieval quality").
   */
  public static final int DEFAULT_MAX_CHARS = 600;

  private final int maxChars;

  public DocumentChunker(int maxChars) {
    if (maxChars < 100) {
      throw new IllegalArgumentException("maxChars is " + maxChars + "; chunks need at least 100 characters to say anything. Use "
          + DEFAULT_MAX_CHARS + " for all-MiniLM-L6-v2.");
    }
    this.maxChars = maxChars;
  }

  /** A chunker sized for all-MiniLM-L6-v2. */
  public static DocumentChunker defaults() {
    return new DocumentChunker(DEFAULT_MAX_CHARS);
  }

  public List<Chunk> chunk(Document document) {
    List<MarkdownSections.Section> sections = switch (document.format()) {
      case MARKDOWN -> MarkdownSections.split(document.text());
      case TEXT -> List.of(new MarkdownSections.Section("", document.text().strip()));
    };
    List<Chunk> chunks = new ArrayList<>();
    for (MarkdownSections.Section section : sections) {
      for (String piece : ParagraphPacker.pack(section.body(), maxChars)) {
        chunks.add(new Chunk(document.source() + "#" + chunks.size(), document.source(), section.heading(), piece));
      }
    }
    return chunks;
  }
}
