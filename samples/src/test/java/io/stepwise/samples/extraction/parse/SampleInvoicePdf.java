package io.stepwise.samples.extraction.parse;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes the two-page invoice the extraction sample ships
 * ({@code samples/src/main/resources/documents/invoice-2026-014.pdf}). Run once by hand after a
 * change, and commit the PDF: {@code main(path)}.
 */
public final class SampleInvoicePdf {
  static final String[][] PAGE_1 = {
      {"T", "Invoice INV-2026-014"},
      {"B", "Northwind Design Studio, 12 Harbour Street, Bristol BS1 4QA, United Kingdom"},
      {"B", "Issue date: 2 March 2026"},
      {"B", "Due date: 1 April 2026"},
      {"H", "Bill to"},
      {"B", "Acme Rockets Ltd., 400 Launch Road, Leeds LS1 2AB, United Kingdom"},
      {"H", "Services"},
      {"B", "Brand identity workshop: 1 x 1,200.00 GBP = 1,200.00 GBP"},
      {"B", "Logo design, three concepts: 1 x 2,400.00 GBP = 2,400.00 GBP"},
      {"B", "Website page design: 6 x 350.00 GBP = 2,100.00 GBP"},
  };
  static final String[][] PAGE_2 = {
      {"H", "Totals"},
      {"B", "Subtotal: 5,700.00 GBP"},
      {"B", "VAT (20%): 1,140.00 GBP"},
      {"B", "Total due: 6,840.00 GBP"},
      {"H", "Payment"},
      {"B", "Pay by bank transfer to Northwind Design Studio, sort code 20-00-00, account 55779911."},
      {"B", "Please quote INV-2026-014 with your payment. Thank you for your business."},
  };

  private SampleInvoicePdf() {}

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : "samples/src/main/resources/documents/invoice-2026-014.pdf");
    try (PDDocument document = new PDDocument()) {
      page(document, PAGE_1);
      page(document, PAGE_2);
      document.save(target.toFile());
    }
  }

  static void page(PDDocument document, String[][] lines) throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    try (PDPageContentStream content = new PDPageContentStream(document, page)) {
      float y = 780;
      for (String[] line : lines) {
        float size = switch (line[0]) {
          case "T" -> 20;
          case "H" -> 14;
          default -> 10;
        };
        y -= line[0].equals("B") ? 16 : 30;
        content.beginText();
        content.setFont(line[0].equals("B") ? regular : bold, size);
        content.newLineAtOffset(56, y);
        content.showText(line[1]);
        content.endText();
      }
    }
  }
}
