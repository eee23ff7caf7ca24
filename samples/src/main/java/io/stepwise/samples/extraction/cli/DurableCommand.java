package io.stepwise.samples.extraction.cli;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.JsonDecodingException;
import io.stepwise.RunOptions;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.extraction.ExtractionEvents.ExtractedData;
import io.stepwise.samples.extraction.ExtractionEvents.InputEvent;
import io.stepwise.samples.extraction.ExtractionEvents.Progress;
import io.stepwise.samples.extraction.ExtractionEvents.ProposedSchema;
import io.stepwise.samples.extraction.ExtractionFlow;
import io.stepwise.samples.extraction.ExtractionFlow_Workflow;
import io.stepwise.samples.extraction.ExtractionPrompts;
import io.stepwise.samples.extraction.ShippedInvoice;
import io.stepwise.samples.extraction.cli.DurableArguments.Respond;
import io.stepwise.samples.extraction.cli.DurableArguments.Runs;
import io.stepwise.samples.extraction.cli.DurableArguments.Start;
import io.stepwise.samples.extraction.cli.DurableArguments.StoreLocation;
import io.stepwise.samples.llm.ChatModels;
import io.stepwise.samples.llm.ChatModels.ChosenModel;
import io.stepwise.samples.llm.ModelSettings;
import io.stepwise.samples.llm.ScriptedChatModel;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.StoredRun;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable extraction, the notebook's second way: {@code extract start} runs until the first
 * proposed schema, leaves the run waiting in a SQLite run store and exits; {@code extract respond}
 * resumes it in a new process, answers, and runs to the next proposal or the data;
 * {@code extract runs} lists the runs waiting for a review.
 */
public final class DurableCommand {
  /** How long a process waits for the store to record its run's pause before giving up. */
  static final Duration PAUSE_SAVED = Duration.ofSeconds(60);

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private DurableCommand() {}

  /**
   * Runs {@code start}, {@code respond} or {@code runs} (the first word of {@code args}).
   *
   * @return the exit status: 0 done or paused, 1 refused or failed (nothing changed when refused), 2 bad usage
   */
  public static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    DurableArguments arguments;
    Optional<ChosenModel> model;
    try {
      arguments = DurableArguments.parse(args, env);
      model = arguments instanceof Runs ? Optional.empty()
          : Optional.of(ChatModels.choose(ModelSettings.from(env), ExtractionPrompts.script()));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print("usage:\n" + ExtractCommand.USAGE);
      return 2;
    }
    try {
      return switch (arguments) {
        case Start start -> start(start, model.orElseThrow(), out, err);
        case Respond respond -> respond(respond, model.orElseThrow(), out, err);
        case Runs runs -> runs(runs, out);
      };
    } catch (IllegalArgumentException | IllegalStateException | RunStoreException | JsonDecodingException e) {
      err.println(e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("Interrupted while waiting for the run store; the run may not be saved as waiting.");
      return 1;
    }
  }

  private static int start(Start arguments, ChosenModel model, PrintStream out, PrintStream err)
      throws InterruptedException {
    RunStore store = ExtractionStore.create(arguments.store().path());
    boolean offline = model.model() instanceof ScriptedChatModel;
    out.println(model.banner());
    if (offline && arguments.file().isPresent()) {
      out.println("note: the scripted model knows only the shipped invoice; for another document it still answers with the invoice's schema and data");
    }
    String file = arguments.file().orElseGet(ShippedInvoice::path);
    out.println("store: " + arguments.store().path());
    out.println("document: " + file);
    out.println("prompt: " + arguments.prompt());
    out.println();
    PauseWatch watch = new PauseWatch();
    WorkflowHandler<ExtractedData> run = flow(model).run(new InputEvent(file, arguments.prompt()),
        RunOptions.defaults().withRunStore(store).withCheckpoints(watch));
    return drive(run, store, 0, watch, arguments.store(), ExtractCommand.label(offline), out, err);
  }

  private static int respond(Respond arguments, ChosenModel model, PrintStream out, PrintStream err)
      throws InterruptedException {
    StoreLocation location = arguments.store();
    RunStore store = ExtractionStore.existing(location.path()).orElseThrow(() -> new IllegalArgumentException(
        "There is no run store at " + location.path() + ". extract start creates it; pass --store with the file it used."));
    String runId = arguments.runId();
    StoredRun stored = store.load(runId).orElseThrow(() -> new IllegalArgumentException("Run '" + runId
        + "' is not in the run store " + location.path() + ". extract runs lists the runs waiting for a review."));
    CompiledWorkflow<InputEvent, ExtractedData> flow = flow(model);
    String workflow = stored.checkpoint().workflow();
    if (!workflow.equals(flow.name())) {
      throw new IllegalArgumentException("Run '" + runId + "' is a run of workflow '" + workflow + "', not of '"
          + flow.name() + "'; answer it with the program that started it.");
    }
    if (stored.status() != RunStatus.WAITING) {
      throw new IllegalStateException("Run '" + runId + "' is not waiting for a review: " + why(stored.status())
          + " extract runs lists the runs waiting for a review.");
    }
    out.println(model.banner());
    out.println("store: " + location.path());
    out.println("run: " + runId + " (waiting since " + when(stored) + ")");
    out.println("answer: " + (arguments.review().approved() ? "approve" : "feedback: " + arguments.review().feedback()));
    out.println();
    PauseWatch watch = new PauseWatch();
    WorkflowHandler<ExtractedData> run = flow.resume(runId, store, RunOptions.defaults().withCheckpoints(watch));
    run.sendEvent(arguments.review());
    return drive(run, store, stored.version(), watch, location,
        ExtractCommand.label(model.model() instanceof ScriptedChatModel), out, err);
  }

  private static String why(RunStatus status) {
    return switch (status) {
      case FINISHED -> "it has finished, and its data was printed when it was approved.";
      case FAILED -> "it failed, and a failed extraction is not answered again; start a new one.";
      case RUNNING -> "it is running in another process, or that process stopped in the middle of a step.";
      case WAITING -> "it is waiting.";
    };
  }

  private static int runs(Runs arguments, PrintStream out) {
    Optional<RunStore> store = ExtractionStore.existing(arguments.store().path());
    List<StoredRun> waiting = store.map(s -> s.list(EnumSet.of(RunStatus.WAITING))).orElse(List.of());
    if (waiting.isEmpty()) {
      out.println("No run is waiting for a review in " + arguments.store().path() + ".");
      return 0;
    }
    out.println("Runs waiting for a review in " + arguments.store().path() + " (oldest first):");
    out.printf("%-36s  %-12s  %s%n", "RUN ID", "WORKFLOW", "WAITING SINCE");
    for (StoredRun run : waiting) {
      out.printf("%-36s  %-12s  %s%n", run.runId(), run.checkpoint().workflow(), when(run));
    }
    return 0;
  }

  /**
   * Reads the stream to the next proposed schema, waits until the store holds the pause and
   * prints how to answer it; or, when the run ends, prints its data.
   */
  private static int drive(WorkflowHandler<ExtractedData> run, RunStore store, long resumedVersion, PauseWatch watch,
      StoreLocation location, String label, PrintStream out, PrintStream err) throws InterruptedException {
    Iterator<Event> stream = run.events().iterator();
    while (stream.hasNext()) {
      Event event = stream.next();
      if (event instanceof Progress progress) {
        LiveSession.printProgress(progress, out);
      } else if (event instanceof ProposedSchema proposal) {
        LiveSession.printProposal(proposal, out);
        watch.awaitWaiting(store, run.runId(), resumedVersion, PAUSE_SAVED);
        // The run stays paused in this process until it exits; the store holds it for the next one.
        out.println();
        out.println("Run " + run.runId() + " is waiting for your review. Answer it now or later, from any process:");
        String storeOption = location.given() ? " --store " + quoted(location.path().toString()) : "";
        out.println("  extract respond " + run.runId() + " --approve" + storeOption);
        out.println("  extract respond " + run.runId() + " --feedback \"what to change\"" + storeOption);
        return 0;
      }
    }
    ExtractedData data;
    try {
      data = run.result();
    } catch (WorkflowFailedException e) {
      err.println("The extraction failed: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage())
          + " The run store keeps run " + run.runId() + " as failed.");
      return 1;
    }
    LiveSession.printData(data, label, out);
    out.println();
    out.println("Run " + run.runId() + " finished.");
    return 0;
  }

  private static CompiledWorkflow<InputEvent, ExtractedData> flow(ChosenModel model) {
    return ExtractionFlow_Workflow.of(new ExtractionFlow(model.model()));
  }

  private static String when(StoredRun run) {
    return WHEN.format(run.updatedAt().truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault()));
  }

  private static String quoted(String path) {
    return path.chars().anyMatch(Character::isWhitespace) ? "'" + path + "'" : path;
  }
}
