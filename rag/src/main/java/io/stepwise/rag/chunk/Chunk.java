package io.stepwise.rag.chunk;

/**
 * One retrievable piece of a document: LlamaIndex's {@code TextNode}.
 *
 * @param id unique in a store: the source and the chunk's position, e.g. {@code docs/dsl.md#4}
 * @param source the document's source name, e.g. {@code docs/persistence.md}
 * @param heading the Markdown headings above the text, outermost first, joined by {@code " > "};
 *     empty for text before the first heading and for plain text
 * @param text the chunk's text, without its headings
 */
public record Chunk(String id, String source, String heading, String text) {
  /**
   * What is embedded and searched: the headings, then the text. A section's heading often
   * says what the section is about better than any sentence in it.
   */
  public String searchText() {
    return heading.isEmpty() ? text : heading + "\n\n" + text;
  }

  /** How a citation names the chunk: {@code docs/persistence.md § Snapshots > Guarantees}. */
  public String citation() {
    return heading.isEmpty() ? source : source + " § " + heading;
  }
}
