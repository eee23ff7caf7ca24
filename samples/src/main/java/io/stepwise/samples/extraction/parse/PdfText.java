package io.stepwise.samples.extraction.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a PDF's pages with PDFBox, Markdown-ish: a line set clearly larger than the page's
 * body text becomes a heading ({@code #} at 1.6 times the body size, {@code ##} at 1.25 times).
 */
final class PdfText {
  private static final double TITLE = 1.6;
  private static final double HEADING = 1.25;

  private PdfText() {}

  static ParsedDocument parse(String name, byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        pages.add(markdown(lines(document, page)));
      }
      if (pages.stream().allMatch(String::isBlank)) {
        throw new UnreadableDocumentException(name + " has " + pages.size() + " page(s) but no text layer: it looks scanned."
            + " Run OCR on it first (for example: ocrmypdf " + name + " ocr-" + name + "), or pass a text, Markdown or HTML version.");
      }
      return new ParsedDocument(name, pages);
    }
  }

  private static List<Line> lines(PDDocument document, int page) throws IOException {
    LineCollector collector = new LineCollector();
    collector.setStartPage(page);
    collector.setEndPage(page);
    collector.setSortByPosition(true);
    collector.getText(document);
    collector.endLine();
    return collector.lines;
  }

  private static String markdown(List<Line> lines) {
    double body = bodySize(lines);
    StringBuilder out = new StringBuilder();
    for (Line line : lines) {
      String text = line.text().strip();
      if (text.isEmpty()) {
        continue;
      }
      String marker = line.size() >= body * TITLE ? "# " : line.size() >= body * HEADING ? "## " : "";
      if (!marker.isEmpty() && !out.isEmpty()) {
        out.append('\n');
      }
      out.append(marker).append(text).append('\n');
      if (!marker.isEmpty()) {
        out.append('\n');
      }
    }
    return out.toString().strip();
  }

  // The size most characters are set in is the body size; headings are measured against it.
  private static double bodySize(List<Line> lines) {
    java.util.Map<Float, Integer> characters = new java.util.HashMap<>();
    for (Line line : lines) {
      characters.merge(line.size(), line.text().length(), Integer::sum);
    }
    return characters.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).map(java.util.Map.Entry::getKey).orElse(0f);
  }

  /** One line of text and the largest font size on it, in points. */
  private record Line(String text, float size) {}

  /** Collects lines with their font size instead of writing them out. */
  private static final class LineCollector extends PDFTextStripper {
    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private float size;

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      current.append(text);
      for (TextPosition position : positions) {
        size = Math.max(size, position.getFontSizeInPt());
      }
    }

    @Override
    protected void writeWordSeparator() {
      current.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
      endLine();
    }

    void endLine() {
      if (!current.isEmpty()) {
        lines.add(new Line(current.toString(), size));
      }
      current.setLength(0);
      size = 0;
    }
  }
}
