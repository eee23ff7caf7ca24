package io.stepwise.samples;

import io.stepwise.drawing.HtmlPage;
import io.stepwise.graph.DotRenderer;
import io.stepwise.graph.ExecutionTrace;
import io.stepwise.graph.GraphJson;
import io.stepwise.graph.MermaidRenderer;
import io.stepwise.graph.WorkflowGraph;
import io.stepwise.samples.extraction.cli.ExtractCommand;
import io.stepwise.samples.serve.ServeCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The samples CLI: {@code list}, {@code run [SAMPLE]} (the default, on the triage sample),
 * {@code draw SAMPLE [--format mermaid|dot|json|html] [--run] [--out FILE]} and {@code extract}
 * (the iterative extraction, live at the terminal) and {@code serve} (the samples over HTTP).
 */
public final class Main {
  static final String USAGE = """
      usage: Main [COMMAND]
        list                                   list the samples
        run [SAMPLE]                           run a sample (default command; default sample: triage)
        draw SAMPLE [--format F] [--run] [--out FILE]
                                               draw a sample's workflow graph; F is mermaid (default),
                                               dot, json or html (a standalone page); --run runs the
                                               sample once and draws what that run did (not with json);
                                               prints to the terminal unless --out names a file
      """ + ExtractCommand.USAGE + ServeCommand.USAGE + """
      with Maven: ./mvnw -q -pl samples -am compile exec:java -Dexec.args="draw triage --format html --out triage.html"
      """;

  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs one command; returns the process exit status (0 ok, 2 bad usage, 1 cannot write). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> words = Arrays.asList(args);
    String command = words.isEmpty() ? "run" : words.getFirst();
    List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
    return switch (command) {
      case "list" -> list(rest, out, err);
      case "run" -> runSample(rest, out, err);
      case "draw" -> draw(rest, out, err);
      case "extract" -> ExtractCommand.run(rest, System.getenv(), System.in, out, err);
      case "serve" -> ServeCommand.run(rest, System.getenv(), out, err);
      case "help", "--help", "-h" -> {
        out.print(USAGE);
        yield 0;
      }
      default -> usage(err, "Unknown command '" + command + "'. Use list, run, draw, extract or serve.");
    };
  }

  private static int list(List<String> args, PrintStream out, PrintStream err) {
    if (!args.isEmpty()) {
      return usage(err, "list takes no arguments, got " + args + ".");
    }
    Samples.ALL.forEach(s -> out.printf("%-10s %s%n", s.name(), s.summary()));
    return 0;
  }

  private static int runSample(List<String> args, PrintStream out, PrintStream err) {
    if (args.size() > 1) {
      return usage(err, "run takes at most one sample name, got " + args + ".");
    }
    Optional<Sample> sample = sample(args.isEmpty() ? "triage" : args.getFirst(), err);
    sample.ifPresent(s -> s.run().accept(out));
    return sample.isPresent() ? 0 : 2;
  }

  private static int draw(List<String> args, PrintStream out, PrintStream err) {
    String name = null;
    String format = "mermaid";
    String file = null;
    boolean execution = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--run")) {
        execution = true;
      } else if (arg.equals("--format") || arg.equals("--out")) {
        if (i + 1 == args.size()) {
          return usage(err, arg + " needs a value.");
        }
        if (arg.equals("--format")) {
          format = args.get(++i);
        } else {
          file = args.get(++i);
        }
      } else if (arg.startsWith("--")) {
        return usage(err, "Unknown option '" + arg + "'. draw takes --format, --run and --out.");
      } else if (name == null) {
        name = arg;
      } else {
        return usage(err, "draw takes one sample name, got '" + name + "' and '" + arg + "'.");
      }
    }
    if (name == null) {
      return usage(err, "draw needs a sample name: one of " + Samples.names() + ".");
    }
    Optional<Sample> sample = sample(name, err);
    if (sample.isEmpty()) {
      return 2;
    }
    if (!List.of("mermaid", "dot", "json", "html").contains(format)) {
      return usage(err, "Unknown format '" + format + "'. Use mermaid, dot, json or html.");
    }
    if (execution && format.equals("json")) {
      return usage(err, "json holds the static graph only. Draw a run with --format mermaid, dot or html.");
    }
    if (execution && sample.get().trace() == null) {
      return usage(err, "Sample '" + name + "' has no offline run to draw. Draw a run of one of "
          + Samples.traceable() + ".");
    }
    WorkflowGraph graph = sample.get().graph().get();
    ExecutionTrace trace = execution ? sample.get().trace().get() : null;
    String text = switch (format) {
      case "mermaid" -> trace == null ? MermaidRenderer.render(graph) : MermaidRenderer.render(graph, trace);
      case "dot" -> trace == null ? DotRenderer.render(graph) : DotRenderer.render(graph, trace);
      case "html" -> trace == null ? HtmlPage.render(graph) : HtmlPage.render(graph, trace);
      default -> GraphJson.write(graph) + "\n";
    };
    if (file == null) {
      out.print(text);
      return 0;
    }
    try {
      Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("Cannot write " + file + ": " + e.getMessage() + ". Choose a path in a folder you can write to.");
      return 1;
    }
    out.println("Wrote the " + format + " drawing of '" + name + "' to " + file);
    return 0;
  }

  private static Optional<Sample> sample(String name, PrintStream err) {
    Optional<Sample> sample = Samples.find(name);
    if (sample.isEmpty()) {
      usage(err, "Unknown sample '" + name + "'. Samples: " + Samples.names() + ".");
    }
    return sample;
  }

  private static int usage(PrintStream err, String problem) {
    err.println(problem);
    err.print(USAGE);
    return 2;
  }
}
