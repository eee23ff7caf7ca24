package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.CutFlows.Begin;
import io.stepwise.behaviour.CutFlows.Collected;
import io.stepwise.behaviour.CutFlows.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consistent-cut property with generated code and real threads: runs of random plans (fan-out
 * by return and by {@code ctx.sendEvent}, joins, waits for outside replies, retries, child
 * workflows, concurrent collectors) are cut by their checkpoints and by snapshots taken at random
 * moments while steps are in flight; chosen cuts go through JSON and are resumed by fresh workflow
 * instances, and a cut of each resumed run is resumed once more. Every resumed run must end with
 * the plan's result (which names every collected item, so a lost or doubled item shows), and each
 * worker attempt's progress must be published once over the streams of all its segments.
 *
 * <p>Plans come from {@code stepwise.cuts.plans} seeds (system properties; defaults below) from
 * {@code stepwise.cuts.seed} on; where cuts fall depends on the machine's timing, so a failure
 * names its seed, the cut's snapshot JSON and what went wrong.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ConsistentCutTest {
  private static final long FIRST_SEED = Long.getLong("stepwise.cuts.seed", 7_000L);
  private static final int PLANS = Integer.getInteger("stepwise.cuts.plans", 60);
  private static final int CUTS_PER_PLAN = 4;
  private static final int MAX_SNAPSHOTS = 12;
  /** How long the runs of a generation may take before the rest count as hung; runs take milliseconds. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  /** A cut and where it came from. */
  private record Cut(String source, Snapshot snapshot) {}

  /**
   * A cut to resume.
   *
   * @param path how the cut came about, for messages
   * @param json the cut as {@link Snapshot#toJson()} wrote it
   * @param before what the run had published before the cut, over all its earlier segments
   * @param kinds what the cut holds, for the report
   */
  private record Case(long seed, Begin plan, String path, Cut cut, String json, List<Event> before,
      Set<String> kinds) {}

  /** A case resumed, with the cuts the resumed run took of itself. */
  private record Resumed(Case from, WatchedRun run, List<Cut> cuts, Thread snapshotter) {}

  private static CompiledWorkflow<Begin, Collected> workflow() {
    return CutFlows_CutFlow_Workflow.of(new CutFlows.CutFlow());
  }

  @Test
  void runsResumedFromCheckpointsAndMidStepSnapshotsEndLikeTheUninterruptedRun() throws Exception {
    CutReport report = new CutReport();
    List<Case> firstCuts = new ArrayList<>();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + PLANS; seed++) {
      Random random = new Random(seed);
      Begin plan = CutPlans.random(random);
      List<Cut> cuts = new CopyOnWriteArrayList<>();
      WatchedRun whole = new WatchedRun(workflow().run(plan, withCheckpointsTo(cuts)));
      takeSnapshots(whole, random, cuts);
      String wrong = wrongOutcome(plan, whole, List.of(), deadline());
      if (wrong != null) {
        report.other("seed " + seed + " " + plan + ": the uninterrupted run " + wrong);
        continue;
      }
      for (Cut cut : choose(cuts, random, CUTS_PER_PLAN)) {
        newCase(report, seed, plan, "", cut, whole.events, List.of(), kinds -> kinds).ifPresent(firstCuts::add);
      }
    }
    List<Case> secondCuts = new ArrayList<>();
    for (Resumed resumed : resumeAll(firstCuts, report)) {
      Case from = resumed.from();
      for (Cut cut : choose(resumed.cuts(), new Random(from.seed() * 31 + from.json().hashCode()), 1)) {
        newCase(report, from.seed(), from.plan(), from.path() + "resumed from a " + from.cut().source() + ", then ",
            cut, resumed.run().events, from.before(), ConsistentCutTest::again).ifPresent(secondCuts::add);
      }
    }
    resumeAll(secondCuts, report);
    System.out.println("ConsistentCutTest, seeds " + FIRST_SEED + " to " + (FIRST_SEED + PLANS - 1) + ": "
        + report.summary());
    assertFalse(report.anyFailed(), report.summary());
  }

  private static Set<String> again(Set<String> kinds) {
    Set<String> renamed = new TreeSet<>();
    kinds.forEach(kind -> renamed.add("resumed, then " + kind));
    return renamed;
  }

  /**
   * A case for a cut of a segment that published {@code published}, after earlier segments that
   * published {@code earlier}; empty after reporting it when the cut cannot be written as JSON.
   */
  private static Optional<Case> newCase(CutReport report, long seed, Begin plan, String path, Cut cut,
      List<Event> published, List<Event> earlier, UnaryOperator<Set<String>> naming) {
    String json;
    try {
      json = cut.snapshot().toJson();
    } catch (RuntimeException unwritable) {
      report.cut(cut.source(), naming.apply(Set.of("(the cut cannot be written as JSON)")), "seed " + seed + " "
          + plan + ", " + path + "a " + cut.source() + " cannot be written as JSON: " + unwritable);
      return Optional.empty();
    }
    List<Event> before = new ArrayList<>(earlier);
    before.addAll(published.subList(0, (int) cut.snapshot().streamPosition()));
    return Optional.of(new Case(seed, plan, path, cut, json, before, naming.apply(CutKinds.of(json))));
  }

  private static RunOptions withCheckpointsTo(List<Cut> cuts) {
    return RunOptions.builder().checkpoints(snapshot -> cuts.add(new Cut("checkpoint", snapshot))).build();
  }

  /**
   * Resumes every case side by side (the runs mostly sleep, so hung ones cost the patience once),
   * each through its JSON, taking checkpoints and snapshots of the resumed runs; records each
   * outcome in {@code report} and returns the resumed runs that ended right.
   */
  private static List<Resumed> resumeAll(List<Case> cases, CutReport report) throws InterruptedException {
    List<Resumed> resumed = new ArrayList<>();
    for (Case taken : cases) {
      List<Cut> cuts = new CopyOnWriteArrayList<>();
      WorkflowHandler<Collected> handler = workflow().resume(Snapshot.fromJson(taken.json()), withCheckpointsTo(cuts));
      WatchedRun run = new WatchedRun(handler);
      Random random = new Random(taken.seed() ^ taken.json().hashCode());
      resumed.add(new Resumed(taken, run, cuts, Thread.ofVirtual().start(() -> takeSnapshots(run, random, cuts))));
    }
    long deadline = deadline();
    List<Resumed> right = new ArrayList<>();
    for (Resumed one : resumed) {
      Case taken = one.from();
      String wrong = wrongOutcome(taken.plan(), one.run(), taken.before(), deadline);
      one.snapshotter().join();
      report.cut(taken.cut().source(), taken.kinds(), wrong == null ? null
          : "seed " + taken.seed() + " " + taken.plan() + ", " + taken.path() + "resumed from a "
              + taken.cut().source() + ": " + wrong + "\n    the cut: " + taken.json());
      if (wrong == null) {
        right.add(one);
      }
    }
    return right;
  }

  private static long deadline() {
    return System.nanoTime() + PATIENCE.toNanos();
  }

  /** Takes snapshots at random moments, a few hundred microseconds to a few milliseconds apart, until the run ends. */
  private static void takeSnapshots(WatchedRun run, Random random, List<Cut> cuts) {
    for (int taken = 0; taken < MAX_SNAPSHOTS && !run.handler.isDone(); taken++) {
      LockSupport.parkNanos(random.nextInt(3_000_000));
      Snapshot cut = run.handler.snapshot();
      if (cut.isFinished()) {
        return; // the run ended: this is its end snapshot, nothing to resume
      }
      cuts.add(new Cut("snapshot", cut));
    }
  }

  /** Up to {@code count} cuts, drawn at random. */
  private static List<Cut> choose(List<Cut> cuts, Random random, int count) {
    List<Cut> left = new ArrayList<>(cuts);
    List<Cut> chosen = new ArrayList<>();
    while (chosen.size() < count && !left.isEmpty()) {
      chosen.add(left.remove(random.nextInt(left.size())));
    }
    return chosen;
  }

  /**
   * What is wrong with how a run ended, or null when it ended with the plan's result and published
   * each progress event once over {@code before} (what the run published before its cut) and its own stream.
   */
  private static String wrongOutcome(Begin plan, WatchedRun run, List<Event> before, long deadline)
      throws InterruptedException {
    Collected result;
    try {
      result = run.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    } catch (ExecutionException failed) {
      return "failed: " + failed.getCause();
    }
    if (result == null) {
      return "did not end within " + PATIENCE + " (runs take milliseconds); " + run.describeHungAndCancel();
    }
    List<String> wrong = new ArrayList<>(run.troubles());
    Collected expected = CutPlans.expected(plan);
    if (!expected.equals(result)) {
      List<String> missing = new ArrayList<>(expected.labels());
      List<String> extra = new ArrayList<>(result.labels());
      result.labels().forEach(missing::remove);
      expected.labels().forEach(extra::remove);
      wrong.add("ended with " + result.labels() + " instead of " + expected.labels() + " (missing " + missing
          + ", extra " + extra + ")");
    }
    Map<Progress, Integer> progress = new TreeMap<>(CutPlans::compare);
    for (List<Event> part : List.of(before, run.events)) {
      for (Event event : part) {
        if (event instanceof Progress written) {
          progress.merge(written, 1, Integer::sum);
        }
      }
    }
    Map<Progress, Integer> expectedProgress = CutPlans.expectedProgress(plan);
    if (!expectedProgress.equals(progress)) {
      wrong.add("published progress " + progress + " instead of once each " + expectedProgress.keySet());
    }
    return wrong.isEmpty() ? null : String.join("; ", wrong);
  }
}
