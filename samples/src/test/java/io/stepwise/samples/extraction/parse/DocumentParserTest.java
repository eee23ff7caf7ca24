package io.stepwise.samples.extraction.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local files become Markdown-ish text per page; what cannot be read says why. */
class DocumentParserTest {
  static final Path INVOICE = Path.of("src/main/resources/documents/invoice-2026-014.pdf");

  @TempDir
  Path dir;

  @Test
  void shippedInvoiceHasTwoPagesWithHeadingsBySize() {
    ParsedDocument invoice = DocumentParser.parse(INVOICE);

    assertEquals("invoice-2026-014.pdf", invoice.name());
    assertEquals(List.of("""
        # Invoice INV-2026-014

        Northwind Design Studio, 12 Harbour Street, Bristol BS1 4QA, United Kingdom
        Issue date: 2 March 2026
        Due date: 1 April 2026

        ## Bill to

        Acme Rockets Ltd., 400 Launch Road, Leeds LS1 2AB, United Kingdom

        ## Services

        Brand identity workshop: 1 x 1,200.00 GBP = 1,200.00 GBP
        Logo design, three concepts: 1 x 2,400.00 GBP = 2,400.00 GBP
        Website page design: 6 x 350.00 GBP = 2,100.00 GBP""", """
        ## Totals

        Subtotal: 5,700.00 GBP
        VAT (20%): 1,140.00 GBP
        Total due: 6,840.00 GBP

        ## Payment

        Pay by bank transfer to Northwind Design Studio, sort code 20-00-00, account 55779911.
        Please quote INV-2026-014 with your payment. Thank you for your business."""), invoice.pages());
  }

  @Test
  void pdfWithoutTextLayerIsCalledScanned() throws IOException {
    Path scanned = dir.resolve("scan.pdf");
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.addPage(new PDPage());
      document.save(scanned.toFile());
    }

    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> DocumentParser.parse(scanned));

    assertEquals("scan.pdf has 2 page(s) but no text layer: it looks scanned. Run OCR on it first"
        + " (for example: ocrmypdf scan.pdf ocr-scan.pdf), or pass a text, Markdown or HTML version.", e.getMessage());
  }

  @Test
  void markdownAndTextAreOnePageAsWritten() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.md"), "# Notes\n\n- one\n- two\n\n");

    assertEquals(new ParsedDocument("notes.md", List.of("# Notes\n\n- one\n- two")), DocumentParser.parse(notes));
  }

  @Test
  void htmlBecomesHeadingsItemsAndText() throws IOException {
    Path page = Files.writeString(dir.resolve("cv.html"), """
        <html><head><title>x</title><style>p{}</style></head><body>
        <h1>Ada <em>Lovelace</em></h1><p>Analyst &amp; writer.<br>London</p>
        <!-- hidden --><script>alert(1)</script>
        <h2>Skills</h2><ul><li>Mathematics</li><li>Notes &#233;crites</li></ul>
        <table><tr><td>1843</td><td>Notes on the Engine</td></tr></table>
        </body></html>""");

    assertEquals("""
        # Ada Lovelace

        Analyst & writer.
        London

        ## Skills

        - Mathematics
        - Notes écrites

        1843 | Notes on the Engine""", DocumentParser.parse(page).text());
  }

  @Test
  void unknownKindNamesTheSupportedOnes() throws IOException {
    Path sheet = Files.writeString(dir.resolve("data.xlsx"), "x");

    UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> DocumentParser.parse(sheet));

    assertEquals("Cannot parse data.xlsx: unknown kind 'xlsx'. Supported: .pdf, .txt, .text, .md, .markdown, .html, .htm", e.getMessage());
  }
}
