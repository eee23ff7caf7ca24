package io.stepwise.crashtest;

import io.stepwise.store.RunStore;
import io.stepwise.store.StoredRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * One run of one shape driven to its end through kills: a worker starts it, and until it ends the
 * driver kills workers at random moments, reads what the store held, and starts the next worker —
 * {@code resume} when the stored run is running, {@code answer} with one open question when it
 * waits, {@code start} again when nothing was stored yet. Now and then it starts two resuming
 * workers at once instead, of which exactly one may carry the run on (fencing). Then
 * {@link TrialChecks} checks the whole trial.
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

  private final List<JvmRun> jvms = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  private String result;

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
    List<String> next = startArgs();
    StoredCut cut = null;
    int kills = 0;
    while (result == null && failures.isEmpty()) {
      if (jvms.size() >= MAX_JVMS) {
        failures.add("the run did not end after " + MAX_JVMS + " worker JVMs");
        break;
      }
      boolean aim = kills < plan.maxKillsPerTrial() && (jvms.isEmpty() || random.nextBoolean());
      long delay = aim ? random.nextLong(shape.killWindow().toMillis()) : -1;
      boolean race = !aim && cut != null && plan.races() && random.nextInt(3) == 0;
      String outcome = race ? race(next, cut) : single(next, cut, delay);
      kills += jvms.getLast().killed() ? 1 : 0;
      if (!failures.isEmpty() || outcome.startsWith("finished ")) {
        break;
      }
      if (!outcome.isEmpty() && !outcome.equals("waiting") && !outcome.equals("nothing-stored")) {
        JvmRun last = jvms.getLast();
        failures.add("JVM " + last.index() + " (" + last.mode() + ") ended with '" + brief(outcome) + "'" + logs(last.index()));
        break;
      }
      Optional<StoredRun> stored = store.load(files.name());
      if (stored.isEmpty()) {
        cut = null; // no checkpoint yet: the run starts anew, as a process that died before its first save leaves it
        next = startArgs();
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
        case FINISHED -> result = finishedByLedger();
        case FAILED -> failures.add("the store holds the run FAILED (version " + cut.version() + ")");
      }
    }
    LedgerReading ledger = LedgerReading.read(files.ledger());
    failures.addAll(TrialChecks.check(shape, jvms, ledger, result));
    return new TrialReport(StoreUrls.kind(storeUrl), shape.name(), files.name(), seed, List.copyOf(jvms), result,
        ledger.reruns(), List.copyOf(failures));
  }

  /** Runs one worker, killing it {@code delay} ms after it runs (unless -1); returns its outcome, "" when killed. */
  private String single(List<String> args, StoredCut cut, long delay) throws InterruptedException {
    int index = jvms.size();
    WorkerProcess worker = start(args, index);
    boolean killed = false;
    if (delay >= 0 && worker.awaitRunning(plan.jvmLimit())) {
      Thread.sleep(delay);
      killed = worker.kill();
    }
    String outcome = killed ? "" : awaitOutcome(worker, index, args);
    jvms.add(new JvmRun(index, worker.pid(), mode(args), cut, delay, killed, outcome));
    if (outcome.startsWith("finished ")) {
      result = outcome.substring("finished ".length());
    }
    return outcome;
  }

  /**
   * Runs two workers resuming the same stored version at once. Fencing allows at most one of them
   * to finish the run; the other is refused (its claim lost, or the run had finished), stops with
   * a {@code StaleRunException} (a later save refused), or had left the run waiting before the
   * other took it over. Returns the outcome that finished the run, or "waiting" for the store to
   * tell what comes next.
   */
  private String race(List<String> args, StoredCut cut) throws InterruptedException {
    int first = jvms.size();
    WorkerProcess one = start(args, first);
    WorkerProcess two = start(args, first + 1);
    String oneOutcome = awaitOutcome(one, first, args);
    String twoOutcome = awaitOutcome(two, first + 1, args);
    jvms.add(new JvmRun(first, one.pid(), mode(args) + " (race)", cut, -1, false, oneOutcome));
    jvms.add(new JvmRun(first + 1, two.pid(), mode(args) + " (race)", cut, -1, false, twoOutcome));
    if (!failures.isEmpty()) {
      return "";
    }
    List<String> finished = List.of(oneOutcome, twoOutcome).stream().filter(o -> o.startsWith("finished ")).toList();
    boolean expected = List.of(oneOutcome, twoOutcome).stream().allMatch(o -> o.startsWith("finished ")
        || o.equals("waiting") || o.startsWith("refused ") || o.contains("StaleRunException"));
    if (finished.size() > 1 || !expected) {
      failures.add("JVMs " + first + " and " + (first + 1) + " resumed stored version " + cut.version()
          + " at once and ended with '" + brief(oneOutcome) + "' and '" + brief(twoOutcome)
          + "': at most one may finish the run, the other must be refused, stop with a StaleRunException,"
          + " or leave the run waiting" + logs(first));
      return "";
    }
    if (finished.isEmpty()) {
      return "waiting";
    }
    result = finished.getFirst().substring("finished ".length());
    return finished.getFirst();
  }

  private WorkerProcess start(List<String> args, int index) {
    return WorkerProcess.start(files.directory(), args, files.log(index));
  }

  /** The worker's outcome once it ended by itself; a worker that outlives the plan's limit has hung. */
  private String awaitOutcome(WorkerProcess worker, int index, List<String> args) throws InterruptedException {
    OptionalInt exit = worker.awaitExit(plan.jvmLimit());
    if (exit.isEmpty()) {
      worker.kill();
      failures.add("JVM " + index + " (" + mode(args) + ") hung: still running after " + plan.jvmLimit().toSeconds()
          + " s, " + storedNow() + logs(index));
      return "";
    }
    String outcome = worker.outcome();
    return outcome.isEmpty() ? "exit " + exit.getAsInt() : outcome;
  }

  /** What the store holds of the run now, in words. */
  private String storedNow() {
    Optional<StoredRun> stored = store.load(files.name());
    if (stored.isEmpty()) {
      return "with nothing stored";
    }
    StoredCut now = StoredCut.of(stored.get());
    return "the store holding version " + now.version() + ", " + now.status() + ", in flight " + now.inFlight()
        + ", open questions " + now.openQuestions();
  }

  /** The result of a run the store holds finished although its worker was killed before printing it. */
  private String finishedByLedger() {
    List<String> stops = LedgerReading.read(files.ledger()).stops();
    if (stops.isEmpty()) {
      failures.add("the store holds the run FINISHED, but no final step recorded a result");
      return null;
    }
    return stops.getLast();
  }

  private List<String> startArgs() {
    return List.of("start", storeUrl, files.name(), shape.name());
  }

  private String logs(int index) {
    return "; its output is in " + files.name() + "." + index + ".log";
  }

  /** An outcome short enough for a report line; the JVM's log has all of it. */
  private static String brief(String outcome) {
    return outcome.length() <= 200 ? outcome : outcome.substring(0, 200) + "...";
  }

  private static String mode(List<String> args) {
    return args.getFirst().equals("answer") ? "answer " + args.getLast() : args.getFirst();
  }
}
