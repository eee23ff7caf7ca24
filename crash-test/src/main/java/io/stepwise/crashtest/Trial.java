package io.stepwise.crashtest;

import io.stepwise.store.RunStore;
import io.stepwise.store.StoredRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * One run of one shape driven to its end through kills: a worker starts it, and until it ends the
 * driver kills workers at random moments, reads what the store held, and starts the next worker —
 * {@code resume} when the stored run is running, {@code answer} with one open question when it
 * waits, {@code start} again when nothing was stored yet. Then {@link TrialChecks} checks it.
 */
final class Trial {
  /** A trial that needs more JVMs than this is stuck in a loop; it fails. */
  private static final int MAX_JVMS = 40;

  private final Shape<?, ?> shape;
  private final String storeUrl;
  private final RunStore store;
  private final TrialFiles files;
  private final long seed;
  private final Plan plan;
  private final Random random;

  Trial(Shape<?, ?> shape, String storeUrl, RunStore store, TrialFiles files, long seed, Plan plan) {
    this.shape = shape;
    this.storeUrl = storeUrl;
    this.store = store;
    this.files = files;
    this.seed = seed;
    this.plan = plan;
    this.random = new Random(seed);
  }

  TrialReport run() throws InterruptedException {
    List<JvmRun> jvms = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    List<String> next = List.of("start", storeUrl, files.name(), shape.name());
    StoredCut cut = null;
    String result = null;
    int kills = 0;
    while (result == null && failures.isEmpty()) {
      if (jvms.size() == MAX_JVMS) {
        failures.add("the run did not end after " + MAX_JVMS + " worker JVMs");
        break;
      }
      boolean aim = kills < plan.maxKillsPerTrial() && (jvms.isEmpty() || random.nextBoolean());
      long delay = aim ? random.nextLong(shape.killWindow().toMillis()) : -1;
      int index = jvms.size();
      WorkerProcess worker = WorkerProcess.start(files.directory(), next,
          files.directory().resolve(files.name() + "." + index + ".log"));
      boolean killed = false;
      if (aim && worker.awaitRunning(plan.jvmLimit())) {
        Thread.sleep(delay);
        killed = worker.kill();
      }
      OptionalInt exit = worker.awaitExit(plan.jvmLimit());
      if (exit.isEmpty()) {
        worker.kill();
        failures.add("JVM " + index + " (" + mode(next) + ") hung: still running after " + plan.jvmLimit().toSeconds()
            + " s, " + storedNow() + "; its output is in " + files.name() + "." + index + ".log");
      }
      String outcome = killed ? "" : worker.outcome();
      jvms.add(new JvmRun(index, worker.pid(), mode(next), cut, delay, killed, outcome));
      kills += killed ? 1 : 0;
      if (!failures.isEmpty()) {
        break;
      }
      if (outcome.startsWith("finished ")) {
        result = outcome.substring("finished ".length());
        break;
      }
      if (!killed && !outcome.equals("waiting") && !outcome.equals("nothing-stored")) {
        failures.add("JVM " + index + " (" + mode(next) + ") ended with '" + (outcome.isEmpty() ? "exit " + exit.getAsInt()
            : outcome) + "'; its output is in " + files.name() + "." + index + ".log");
        break;
      }
      Optional<StoredRun> stored = files.readRunId().flatMap(store::load);
      if (stored.isEmpty()) {
        cut = null; // no checkpoint yet: the run starts anew, as a process that died before its first save leaves it
        next = List.of("start", storeUrl, files.name(), shape.name());
        continue;
      }
      cut = StoredCut.of(stored.get());
      switch (cut.status()) {
        case RUNNING -> next = List.of("resume", storeUrl, files.name());
        case WAITING -> {
          if (cut.openQuestions().isEmpty()) {
            failures.add("the store holds the run waiting (version " + cut.version() + ") with no open question");
          } else {
            int question = cut.openQuestions().get(random.nextInt(cut.openQuestions().size()));
            next = List.of("answer", storeUrl, files.name(), String.valueOf(question));
          }
        }
        case FINISHED -> result = finishedByLedger(failures);
        case FAILED -> failures.add("the store holds the run FAILED (version " + cut.version() + ")");
      }
    }
    LedgerReading ledger = LedgerReading.read(files.ledger());
    failures.addAll(TrialChecks.check(shape, jvms, ledger, result));
    return new TrialReport(StoreUrls.kind(storeUrl), shape.name(), files.name(), seed, List.copyOf(jvms), result,
        ledger.reruns(), List.copyOf(failures));
  }

  /** What the store holds of the run now, in words. */
  private String storedNow() {
    Optional<StoredRun> stored = files.readRunId().flatMap(store::load);
    if (stored.isEmpty()) {
      return "with nothing stored";
    }
    StoredCut now = StoredCut.of(stored.get());
    return "the store holding version " + now.version() + ", " + now.status() + ", in flight " + now.inFlight()
        + ", open questions " + now.openQuestions();
  }

  /** The result of a run the store holds finished although its worker was killed before printing it. */
  private String finishedByLedger(List<String> failures) {
    List<String> stops = LedgerReading.read(files.ledger()).stops();
    if (stops.isEmpty()) {
      failures.add("the store holds the run FINISHED, but no final step recorded a result");
      return null;
    }
    return stops.getLast();
  }

  private static String mode(List<String> args) {
    return args.getFirst().equals("answer") ? "answer " + args.getLast() : args.getFirst();
  }
}
