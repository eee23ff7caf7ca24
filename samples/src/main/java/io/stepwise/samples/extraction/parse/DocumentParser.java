package io.stepwise.samples.extraction.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Parses a local file into Markdown-ish text by its extension: PDF, plain text, Markdown, HTML. */
public final class DocumentParser {
  private DocumentParser() {}

  /**
   * The file's text.
   *
   * @throws UnreadableDocumentException when the file is missing, of an unknown kind, or has no
   *     text layer (a scanned PDF)
   */
  public static ParsedDocument parse(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UnreadableDocumentException("No file at " + file.toAbsolutePath() + "; pass the path of a PDF, .txt, .md or .html file");
    }
    String name = file.getFileName().toString();
    String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    try {
      return switch (extension) {
        case "pdf" -> PdfText.parse(name, Files.readAllBytes(file));
        case "txt", "text", "md", "markdown" -> new ParsedDocument(name, List.of(Files.readString(file, StandardCharsets.UTF_8).strip()));
        case "html", "htm" -> new ParsedDocument(name, List.of(HtmlText.toMarkdown(Files.readString(file, StandardCharsets.UTF_8))));
        default -> throw new UnreadableDocumentException("Cannot parse " + name + ": unknown kind '" + extension
            + "'. Supported: .pdf, .txt, .text, .md, .markdown, .html, .htm");
      };
    } catch (IOException e) {
      throw new UnreadableDocumentException("Could not read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
