package io.stepwise.rag.document;

/**
 * One loaded document: LlamaIndex's {@code Document}.
 *
 * @param source how citations name it, e.g. {@code docs/persistence.md}
 * @param format how its text is written, which decides how it is chunked
 * @param text the whole text
 */
public record Document(String source, Format format, String text) {
  /** The formats the loader reads. */
  public enum Format { MARKDOWN, TEXT }

  public Document {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("a document needs a source name, e.g. docs/persistence.md");
    }
    if (format == null || text == null) {
      throw new IllegalArgumentException("document " + source + " needs a format and a text");
    }
  }
}
