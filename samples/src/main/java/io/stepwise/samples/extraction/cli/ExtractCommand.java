package io.stepwise.samples.extraction.cli;

import io.stepwise.CompiledWorkflow;
import io.stepwise.samples.extraction.ExtractionEvents.ExtractedData;
import io.stepwise.samples.extraction.ExtractionEvents.InputEvent;
import io.stepwise.samples.extraction.ExtractionFlow;
import io.stepwise.samples.extraction.ExtractionFlow_Workflow;
import io.stepwise.samples.extraction.ExtractionPrompts;
import io.stepwise.samples.extraction.ShippedInvoice;
import io.stepwise.samples.llm.ChatModels;
import io.stepwise.samples.llm.ChatModels.ChosenModel;
import io.stepwise.samples.llm.ModelSettings;
import io.stepwise.samples.llm.ScriptedChatModel;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The CLI's {@code extract} command: the iterative extraction, live at the terminal, or durable ({@link DurableCommand}). */
public final class ExtractCommand {
  /** The command's usage lines, for the CLI's help. */
  public static final String USAGE = """
        extract [FILE] [--prompt TEXT] [--approve]
                                               the iterative extraction, live: parse FILE (default: the
                                               shipped invoice PDF), propose a schema, ask you to approve
                                               it (y) or give feedback (any text), then print the data as
                                               JSON (and CSV); --approve approves unattended
        extract start [FILE] [--prompt TEXT] [--store PATH]
                                               durable: propose a schema, store the run (default store:
                                               ~/.stepwise/extraction.db, or $STEPWISE_EXTRACTION_STORE),
                                               print its id and exit
        extract respond RUN_ID --approve|--feedback TEXT [--store PATH]
                                               resume a stored run in this process and answer it: prints
                                               the next schema, or the data
        extract runs [--store PATH]            list the runs waiting for a review
      """;

  private ExtractCommand() {}

  /**
   * Runs the command on the words after {@code extract}, with the model {@code env} configures.
   *
   * @return the exit status: 0 done, 1 the extraction failed, 2 bad usage
   */
  public static int run(List<String> args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    if (!args.isEmpty() && DurableArguments.isDurable(args.getFirst())) {
      return DurableCommand.run(args, env, out, err);
    }
    ExtractArguments arguments;
    ChosenModel model;
    try {
      arguments = ExtractArguments.parse(args);
      model = ChatModels.choose(ModelSettings.from(env), ExtractionPrompts.script());
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print("usage:\n" + USAGE);
      return 2;
    }
    boolean offline = model.model() instanceof ScriptedChatModel;
    out.println(model.banner());
    if (offline && arguments.file().isPresent()) {
      out.println("note: the scripted model knows only the shipped invoice; for another document it still answers with the invoice's schema and data");
    }
    String file = arguments.file().orElseGet(ShippedInvoice::path);
    out.println("document: " + file);
    out.println("prompt: " + arguments.prompt());
    out.println();
    Reviewer reviewer = arguments.approve()
        ? Reviewer.approveAll()
        : Reviewer.terminal(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    CompiledWorkflow<InputEvent, ExtractedData> flow = ExtractionFlow_Workflow.of(new ExtractionFlow(model.model()));
    return LiveSession.run(flow, new InputEvent(file, arguments.prompt()), reviewer, label(offline), out, err);
  }

  /** How the result is introduced: it says when the data came from the scripted model. */
  public static String label(boolean offline) {
    return offline ? "Extracted data (scripted model, offline)" : "Extracted data";
  }
}
