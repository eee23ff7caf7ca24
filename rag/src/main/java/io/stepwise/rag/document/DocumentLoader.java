package io.stepwise.rag.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads Markdown and plain-text files: LlamaIndex's {@code SimpleDirectoryReader}, for the
 * formats a repository's documentation is written in. A source is named by the folder it was
 * found under, so that citations read {@code docs/persistence.md}, not an absolute path.
 */
public final class DocumentLoader {
  private DocumentLoader() {}

  /**
   * The files under {@code root} (a folder, searched recursively, or one file) that this loader
   * reads, with their source names, sorted by name so that ingestion is repeatable.
   *
   * @throws IllegalArgumentException when {@code root} does not exist or holds no such file
   */
  public static List<SourceFile> discover(Path root) {
    Path base = root.toAbsolutePath().normalize();
    if (!Files.exists(base)) {
      throw new IllegalArgumentException("No file or folder " + root + ". Pass a folder of Markdown (.md) or text (.txt) files.");
    }
    List<SourceFile> files = new ArrayList<>();
    if (Files.isRegularFile(base)) {
      format(base).orElseThrow(() -> new IllegalArgumentException(
          "Cannot read " + root + ": only Markdown (.md, .markdown) and text (.txt) files are read."));
      files.add(new SourceFile(base.toString(), base.getFileName().toString()));
      return files;
    }
    String label = base.getFileName() == null ? "" : base.getFileName() + "/";
    try (Stream<Path> walk = Files.walk(base)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> format(p).isPresent())
          .forEach(p -> files.add(new SourceFile(p.toString(),
              label + base.relativize(p).toString().replace('\\', '/'))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("Folder " + root + " holds no Markdown (.md, .markdown) or text (.txt) file.");
    }
    files.sort((a, b) -> a.source().compareTo(b.source()));
    return files;
  }

  /** Reads one discovered file as UTF-8. */
  public static Document load(SourceFile file) {
    Path path = Path.of(file.path());
    Document.Format format = format(path).orElseThrow(() -> new IllegalArgumentException(
        "Cannot read " + file.path() + ": only Markdown (.md, .markdown) and text (.txt) files are read."));
    try {
      return new Document(file.source(), format, Files.readString(path, StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("File " + file.path() + " is not UTF-8 text. Convert it to UTF-8 or leave it out.", e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.path() + ": " + e.getMessage(), e);
    }
  }

  /** Discovers and loads every file under {@code root}. */
  public static List<Document> loadAll(Path root) {
    return discover(root).stream().map(DocumentLoader::load).toList();
  }

  static Optional<Document.Format> format(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return Optional.of(Document.Format.MARKDOWN);
    }
    return name.endsWith(".txt") ? Optional.of(Document.Format.TEXT) : Optional.empty();
  }

  /**
   * A file to load.
   *
   * @param path where it is on disk
   * @param source the name citations use, relative to the folder it was found in
   */
  public record SourceFile(String path, String source) {}
}
