package io.stepwise.crashtest;

import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowHandler;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStoreException;
import io.stepwise.store.RunStore;
import io.stepwise.store.StoredRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A worker JVM of the crash tests: starts, resumes or answers one run of a trial, checkpointing to
 * a run store, and reports on stdout, one line each, {@code running <runId>} once the run runs and
 * then how it stopped: {@code finished <result>} (exit 0), {@code waiting} when the store holds
 * the run waiting for an answer (exit 3), {@code failed <error>} (exit 1), {@code nothing-stored}
 * when a resume finds no checkpoint (exit 4), {@code refused <why>} when the runtime refuses to
 * start or resume it (exit 5). The trial's name is the run's id; its files are in the working
 * directory ({@link TrialFiles}).
 *
 * <pre>
 * Worker start  &lt;store-url&gt; &lt;trial&gt; &lt;shape&gt;
 * Worker resume &lt;store-url&gt; &lt;trial&gt;
 * Worker answer &lt;store-url&gt; &lt;trial&gt; &lt;question&gt;...   (answers each question right after the resume)
 * </pre>
 */
public final class Worker {
  static final int FINISHED = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int WAITING = 3;
  static final int NOTHING_STORED = 4;
  static final int REFUSED = 5;

  private static final String USAGE_TEXT = """
      usage: Worker start <store-url> <trial> <shape>     starts a run of the shape
             Worker resume <store-url> <trial>            resumes the trial's run from its store
             Worker answer <store-url> <trial> <n>...     resumes it and answers questions n...
      store-url: sqlite:/path/file.db or jdbc:postgresql://host:port/db?user=name; shapes: """ + Shapes.names();

  private final PrintStream out;

  private Worker(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    int status;
    try {
      status = new Worker(System.out).run(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE_TEXT);
      status = USAGE;
    }
    System.out.flush();
    // Exits even with steps blocked in their waits: a paused run stays in the store, as it does
    // when any process that ran it ends.
    System.exit(status);
  }

  private int run(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException("Expected a mode, a store URL and a trial name, got " + List.of(args) + ".");
    }
    RunStore store = StoreUrls.open(args[1]);
    TrialFiles files = new TrialFiles(Path.of("").toAbsolutePath(), args[2]);
    return switch (args[0]) {
      case "start" -> {
        if (args.length != 4) {
          throw new IllegalArgumentException("start takes a store URL, a trial name and a shape.");
        }
        yield start(Shapes.named(args[3]), store, files);
      }
      case "resume" -> resume(store, files, List.of());
      case "answer" -> {
        List<Integer> questions = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
          questions.add(Integer.parseInt(args[i]));
        }
        if (questions.isEmpty()) {
          throw new IllegalArgumentException("answer takes the numbers of the questions to answer.");
        }
        yield resume(store, files, questions);
      }
      default -> throw new IllegalArgumentException("Unknown mode '" + args[0] + "'.");
    };
  }

  private <S extends StartEvent, R extends StopEvent & Outcome> int start(Shape<S, R> shape, RunStore store,
      TrialFiles files) {
    WorkflowHandler<R> run;
    try {
      run = shape.compile().apply(Ledger.open(files.ledger()))
          .run(shape.start(), RunOptions.builder().runStore(store).runId(files.name()).build());
    } catch (IllegalStateException e) {
      report("refused " + e);
      return REFUSED;
    }
    return drive(run, store, List.of(), event -> {});
  }

  private int resume(RunStore store, TrialFiles files, List<Integer> questions) {
    Optional<StoredRun> stored = store.load(files.name());
    if (stored.isEmpty()) {
      report("nothing-stored");
      return NOTHING_STORED;
    }
    return resume(Shapes.ofWorkflow(stored.get().checkpoint().workflow()), store, files, questions);
  }

  private <S extends StartEvent, R extends StopEvent & Outcome> int resume(Shape<S, R> shape, RunStore store,
      TrialFiles files, List<Integer> questions) {
    WorkflowHandler<R> run;
    try {
      run = shape.compile().apply(Ledger.open(files.ledger())).resume(files.name(), store);
    } catch (IllegalStateException | IllegalArgumentException | RunStoreException e) {
      report("refused " + e);
      return REFUSED;
    }
    // The documented pattern (docs/human-in-the-loop.md, "Pausing across processes"): answer right
    // after the resume, before the re-run steps have opened their waits again. The resumed run keeps
    // the answers for the waits that were open at its checkpoint, so none may be lost.
    for (int n : questions) {
      try {
        run.sendEvent(shape.answer().apply(n));
      } catch (IllegalStateException e) {
        report("unsent " + n + ": " + e.getMessage()); // the run ended meanwhile; its outcome follows
      }
    }
    return drive(run, store, questions, event -> {});
  }

  /**
   * Reports the run's end, or that it waits for answers other than the ones this worker gives;
   * hands every event of the stream to {@code onEvent}.
   */
  private <R extends StopEvent & Outcome> int drive(WorkflowHandler<R> run, RunStore store, List<Integer> answered,
      Consumer<Event> onEvent) {
    report("running " + run.runId());
    Thread.ofVirtual().start(() -> run.events().forEach(event -> {
      report("event " + event);
      onEvent.accept(event);
    }));
    while (true) {
      try {
        R result = run.future().get(200, TimeUnit.MILLISECONDS);
        report("finished " + result.summary());
        return FINISHED;
      } catch (TimeoutException e) {
        if (waitsForOthers(store, run.runId(), answered)) {
          report("waiting");
          return WAITING;
        }
      } catch (ExecutionException e) {
        e.getCause().printStackTrace();
        report("failed " + e.getCause());
        return FAILED;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        report("failed interrupted");
        return FAILED;
      }
    }
  }

  /** Whether the store holds the run waiting, for none of the answers this worker gave. */
  private static boolean waitsForOthers(RunStore store, String runId, List<Integer> answered) {
    Optional<StoredRun> stored = store.load(runId);
    if (stored.isEmpty() || stored.get().status() != RunStatus.WAITING) {
      return false;
    }
    return StoredCut.of(stored.get()).openQuestions().stream().noneMatch(answered::contains);
  }

  private synchronized void report(String line) {
    out.println(line);
    out.flush();
  }
}
