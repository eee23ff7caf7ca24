package io.stepwise.samples.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The two-page invoice PDF that ships with the samples, the extraction's default document. */
public final class ShippedInvoice {
  /** Where the invoice is on the class path. */
  public static final String RESOURCE = "/documents/invoice-2026-014.pdf";

  private ShippedInvoice() {}

  /**
   * A file path of the invoice: the class-path file itself when the samples run from their
   * classes folder, otherwise a copy in a temporary folder (when they run from a jar).
   */
  public static String path() {
    URL url = ShippedInvoice.class.getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException("the samples lack " + RESOURCE + "; rebuild them");
    }
    try {
      if (url.getProtocol().equals("file")) {
        return Path.of(url.toURI()).toString();
      }
      Path copy = Files.createTempDirectory("stepwise-samples").resolve("invoice-2026-014.pdf");
      try (InputStream in = url.openStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      copy.toFile().deleteOnExit();
      copy.getParent().toFile().deleteOnExit();
      return copy.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("could not copy the shipped invoice to a temporary file", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the invoice's location " + url + " is not a valid URI", e);
    }
  }
}
