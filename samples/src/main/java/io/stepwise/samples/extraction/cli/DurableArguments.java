package io.stepwise.samples.extraction.cli;

import io.stepwise.samples.extraction.ExtractionEvents.SchemaReview;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of the durable {@code extract} commands: {@code start [FILE] [--prompt TEXT]},
 * {@code respond RUN_ID --approve|--feedback TEXT} and {@code runs}, each with
 * {@code [--store PATH]}.
 */
public sealed interface DurableArguments {
  /** The environment variable naming the store file when {@code --store} is not given. */
  String STORE_VARIABLE = "STEPWISE_EXTRACTION_STORE";

  /** Where the run store is, and whether {@code --store} named it (so printed commands repeat it). */
  StoreLocation store();

  /**
   * {@code extract start}: parse, propose a schema, store the paused run and exit.
   *
   * @param file the document, or empty for the shipped invoice
   * @param prompt what to extract
   */
  record Start(Optional<String> file, String prompt, StoreLocation store) implements DurableArguments {}

  /**
   * {@code extract respond}: resume a stored run and answer its proposed schema.
   *
   * @param runId the run to answer, as {@code start} printed it
   * @param review approval, or feedback asking for another proposal
   */
  record Respond(String runId, SchemaReview review, StoreLocation store) implements DurableArguments {}

  /** {@code extract runs}: list the runs waiting for a review. */
  record Runs(StoreLocation store) implements DurableArguments {}

  /**
   * The store file.
   *
   * @param path the SQLite file
   * @param given whether {@code --store} named it
   */
  record StoreLocation(Path path, boolean given) {
    /** The store {@code --store} names, else the one {@value #STORE_VARIABLE} names, else {@code ~/.stepwise/extraction.db}. */
    static StoreLocation of(String option, Map<String, String> env) {
      if (option != null) {
        return new StoreLocation(Path.of(option).toAbsolutePath(), true);
      }
      String variable = env.get(STORE_VARIABLE);
      if (variable != null && !variable.isBlank()) {
        return new StoreLocation(Path.of(variable).toAbsolutePath(), false);
      }
      return new StoreLocation(Path.of(System.getProperty("user.home"), ".stepwise", "extraction.db"), false);
    }
  }

  /** Whether {@code command} (the word after {@code extract}) is one of the durable commands. */
  static boolean isDurable(String command) {
    return command.equals("start") || command.equals("respond") || command.equals("runs");
  }

  /**
   * Parses the words after {@code extract}, starting with {@code start}, {@code respond} or {@code runs}.
   *
   * @throws IllegalArgumentException saying what is wrong, for the usage message
   */
  static DurableArguments parse(List<String> args, Map<String, String> env) {
    String command = args.getFirst();
    String file = null;
    String prompt = null;
    String store = null;
    String runId = null;
    SchemaReview review = null;
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--store" -> store = value(args, i++, "--store needs the path of the store file, e.g. --store runs.db.");
        case "--prompt" -> {
          only(command, "start", arg);
          prompt = value(args, i++, "--prompt needs a text saying what to extract, e.g. --prompt \"the invoice total\".");
        }
        case "--approve" -> {
          only(command, "respond", arg);
          review = oneReview(review, SchemaReview.approve());
        }
        case "--feedback" -> {
          only(command, "respond", arg);
          review = oneReview(review, SchemaReview.feedback(
              value(args, i++, "--feedback needs a text saying what to change, e.g. --feedback \"add the line items\".")));
        }
        default -> {
          if (arg.startsWith("--")) {
            throw new IllegalArgumentException("Unknown option '" + arg + "'. extract " + command + " takes "
                + options(command) + ".");
          }
          switch (command) {
            case "start" -> {
              if (file != null) {
                throw new IllegalArgumentException("extract start reads one document, got '" + file + "' and '" + arg
                    + "'. Quote a path with spaces.");
              }
              file = arg;
            }
            case "respond" -> {
              if (runId != null) {
                throw new IllegalArgumentException("extract respond answers one run, got '" + runId + "' and '" + arg
                    + "'. Quote feedback with spaces: --feedback \"...\".");
              }
              runId = arg;
            }
            default -> throw new IllegalArgumentException("extract runs takes only --store PATH, got '" + arg + "'.");
          }
        }
      }
    }
    StoreLocation location = StoreLocation.of(store, env);
    return switch (command) {
      case "start" -> new Start(Optional.ofNullable(file), prompt == null ? ExtractArguments.DEFAULT_PROMPT : prompt,
          location);
      case "respond" -> {
        if (runId == null) {
          throw new IllegalArgumentException("extract respond needs the run id that extract start printed.");
        }
        if (review == null) {
          throw new IllegalArgumentException("extract respond needs an answer: --approve, or --feedback \"what to change\".");
        }
        yield new Respond(runId, review, location);
      }
      default -> new Runs(location);
    };
  }

  private static String value(List<String> args, int option, String problem) {
    if (option + 1 == args.size() || args.get(option + 1).isBlank()) {
      throw new IllegalArgumentException(problem);
    }
    return args.get(option + 1);
  }

  private static void only(String command, String expected, String option) {
    if (!command.equals(expected)) {
      throw new IllegalArgumentException("Unknown option '" + option + "'. extract " + command + " takes "
          + options(command) + ".");
    }
  }

  private static SchemaReview oneReview(SchemaReview earlier, SchemaReview review) {
    if (earlier != null) {
      throw new IllegalArgumentException("extract respond takes one answer: --approve or --feedback TEXT, not both"
          + " nor twice.");
    }
    return review;
  }

  private static String options(String command) {
    return switch (command) {
      case "start" -> "FILE, --prompt TEXT and --store PATH";
      case "respond" -> "RUN_ID, --approve or --feedback TEXT, and --store PATH";
      default -> "--store PATH";
    };
  }
}
