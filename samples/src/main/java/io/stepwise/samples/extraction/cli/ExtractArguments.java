package io.stepwise.samples.extraction.cli;

import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@code extract [FILE] [--prompt TEXT] [--approve]}.
 *
 * @param file the document, or empty for the shipped invoice
 * @param prompt what to extract
 * @param approve whether to approve the first proposed schema without asking (for unattended runs)
 */
public record ExtractArguments(Optional<String> file, String prompt, boolean approve) {
  /** The prompt used when none is given; it suits the shipped invoice and most business documents. */
  public static final String DEFAULT_PROMPT =
      "Extract the main facts of this document: what it is, the parties, the dates, the amounts and the items.";

  /**
   * Parses the words after {@code extract}.
   *
   * @throws IllegalArgumentException saying what is wrong, for the usage message
   */
  public static ExtractArguments parse(List<String> args) {
    String file = null;
    String prompt = null;
    boolean approve = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--approve" -> approve = true;
        case "--prompt" -> {
          if (i + 1 == args.size() || args.get(i + 1).isBlank()) {
            throw new IllegalArgumentException("--prompt needs a text saying what to extract, e.g. --prompt \"the invoice total\".");
          }
          prompt = args.get(++i);
        }
        default -> {
          if (arg.startsWith("--")) {
            throw new IllegalArgumentException("Unknown option '" + arg + "'. extract takes FILE, --prompt TEXT and --approve.");
          }
          if (file != null) {
            throw new IllegalArgumentException("extract reads one document, got '" + file + "' and '" + arg
                + "'. Quote a path with spaces.");
          }
          file = arg;
        }
      }
    }
    return new ExtractArguments(Optional.ofNullable(file), prompt == null ? DEFAULT_PROMPT : prompt, approve);
  }
}
