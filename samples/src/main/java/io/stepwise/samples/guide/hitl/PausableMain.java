package io.stepwise.samples.guide.hitl;

import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Answer;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Answered;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.AskNumber;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Begin;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.StoredRun;
import io.stepwise.store.jdbc.JdbcRunStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

/**
 * The guide's pausable human in the loop (section 3.1) across processes: one process runs
 * {@link HumanInTheLoopFlow} with a run store until it asks for input and exits; another resumes
 * the run from the store by its id and sends the answer. The notebook does this with
 * {@code ctx.to_dict()}, a database and {@code Context.from_dict}; here the run store keeps the
 * snapshot. Usage: {@code PausableMain start DB} prints the run id;
 * {@code PausableMain answer DB RUN_ID TEXT} prints the result. DB is a SQLite file.
 */
public final class PausableMain {
  private static final Duration SAVE_LIMIT = Duration.ofSeconds(60);

  private PausableMain() {}

  public static void main(String[] args) {
    if (args.length == 2 && args[0].equals("start")) {
      start(store(args[1]), System.out);
    } else if (args.length == 4 && args[0].equals("answer")) {
      answer(store(args[1]), args[2], args[3], System.out);
    } else {
      System.err.println("usage: PausableMain start DB | PausableMain answer DB RUN_ID TEXT  (DB: a SQLite file)");
      System.exit(2);
    }
  }

  /** The sample of the CLI: both halves in this JVM, each with its own store object, over a temporary file. */
  public static void run(PrintStream out) {
    try {
      Path directory = Files.createTempDirectory("stepwise-hitl");
      Path db = directory.resolve("runs.db");
      String runId = start(store(db.toString()), out);
      out.println("(the first process would exit here; a later one opens the store and answers)");
      answer(store(db.toString()), runId, "42", out);
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(directory.resolve("runs.db" + suffix));
      }
      Files.delete(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs until the question, waits until the store holds the run as waiting, and returns its id. */
  public static String start(RunStore store, PrintStream out) {
    // No run timeout: the person may answer days later, in another process.
    WorkflowHandler<Answered> run = HumanInTheLoopFlow_Workflow.of(new HumanInTheLoopFlow())
        .run(new Begin(), RunOptions.defaults().withTimeout(Duration.ZERO).withRunStore(store));
    Iterator<Event> stream = run.events().iterator();
    while (stream.hasNext()) {
      if (stream.next() instanceof AskNumber ask) {
        awaitWaiting(store, run.runId());
        out.println("asked: " + ask.prefix());
        out.println("run " + run.runId() + " is waiting in the store");
        return run.runId();
      }
    }
    throw new IllegalStateException("the run ended without asking for input: " + run.result());
  }

  /** Resumes the stored run, sends {@code text} as the answer and returns the result. */
  public static Answered answer(RunStore store, String runId, String text, PrintStream out) {
    WorkflowHandler<Answered> run = HumanInTheLoopFlow_Workflow.of(new HumanInTheLoopFlow()).resume(runId, store);
    run.sendEvent(new Answer(text));
    Answered result = run.result();
    out.println("answered " + text + "; result: " + result.response());
    return result;
  }

  private static RunStore store(String file) {
    return JdbcRunStore.create("jdbc:sqlite:" + file);
  }

  // The checkpoint is saved off the run's thread: exiting before it is saved would leave nothing to resume.
  private static void awaitWaiting(RunStore store, String runId) {
    long deadline = System.nanoTime() + SAVE_LIMIT.toNanos();
    while (true) {
      Optional<StoredRun> stored = store.load(runId);
      if (stored.isPresent() && stored.get().status() == RunStatus.WAITING) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the store did not record run " + runId + " as waiting within "
            + SAVE_LIMIT.toSeconds() + " s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the store", e);
      }
    }
  }
}
