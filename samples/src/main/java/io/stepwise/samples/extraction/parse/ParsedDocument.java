package io.stepwise.samples.extraction.parse;

import java.util.List;

/**
 * A document as Markdown-ish text, one string per page (text, Markdown and HTML have one page).
 *
 * @param name the file name it came from
 * @param pages the text of each page, in order
 */
public record ParsedDocument(String name, List<String> pages) {
  public ParsedDocument {
    pages = List.copyOf(pages);
  }

  /** All pages, separated by a blank line, as the notebook joins them. */
  public String text() {
    return String.join("\n\n", pages);
  }
}
