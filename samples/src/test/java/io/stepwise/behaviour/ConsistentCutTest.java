package io.stepwise.behaviour;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.Snapshot;
import io.stepwise.behaviour.CutFlows.Begin;
import io.stepwise.behaviour.CutFlows.Collected;
import io.stepwise.behaviour.CutFlows.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consistent-cut property with generated code and real threads: runs of random plans (fan-out
 * by return and by {@code ctx.sendEvent}, joins, waits for outside replies, retries, child
 * workflows, concurrent collectors) are cut by their checkpoints and by snapshots taken at random
 * moments while steps are in flight; each chosen cut goes through JSON and is resumed by a fresh
 * workflow instance, and must end with the uninterrupted run's result (which names every collected
 * item, so a lost or doubled item shows), and with each worker attempt's progress published once
 * over the stream before the cut and the resumed stream.
 *
 * <p>Plans come from seeds {@code stepwise.cuts.seed} (a system property, default below) onwards;
 * where the cuts fall depends on the machine's timing, so a failure names its seed, the cut's
 * snapshot JSON and what went wrong.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ConsistentCutTest {
  private static final long FIRST_SEED = Long.getLong("stepwise.cuts.seed", 7_000L);
  private static final int PLANS = 40;
  private static final int CUTS_PER_PLAN = 5;
  private static final int MAX_SNAPSHOTS = 12;
  /** How long a run may take before it counts as hung; runs take milliseconds. */
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  /** A cut and where it came from. */
  private record Cut(String source, Snapshot snapshot) {}

  /** One resumed cut of a plan's uninterrupted run. */
  private record Case(long seed, Begin plan, Cut cut, WatchedRun whole, WatchedRun resumed) {}

  private static CompiledWorkflow<Begin, Collected> workflow() {
    return CutFlows_CutFlow_Workflow.of(new CutFlows.CutFlow());
  }

  @Test
  void runsResumedFromCheckpointsAndMidStepSnapshotsEndLikeTheUninterruptedRun() throws Exception {
    CutReport report = new CutReport();
    List<Case> cases = new ArrayList<>();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + PLANS; seed++) {
      Random random = new Random(seed);
      Begin plan = CutPlans.random(random);
      List<Cut> cuts = new CopyOnWriteArrayList<>();
      WatchedRun whole = new WatchedRun(workflow().run(plan,
          RunOptions.builder().checkpoints(snapshot -> cuts.add(new Cut("checkpoint", snapshot))).build()));
      takeSnapshots(whole, random, cuts);
      String wrong = wrongOutcome(plan, whole, List.of(), deadline());
      if (wrong != null) {
        report.other("seed " + seed + " " + plan + ": the uninterrupted run " + wrong);
        continue;
      }
      for (Cut cut : choose(cuts, random)) {
        cases.add(new Case(seed, plan, cut, whole, null));
      }
    }
    // All cuts are resumed side by side (the runs mostly sleep), so hung ones cost the patience once.
    List<Case> resumed = new ArrayList<>();
    for (Case taken : cases) {
      WatchedRun run = new WatchedRun(workflow().resume(Snapshot.fromJson(taken.cut().snapshot().toJson())));
      resumed.add(new Case(taken.seed(), taken.plan(), taken.cut(), taken.whole(), run));
    }
    long deadline = deadline();
    for (Case taken : resumed) {
      Cut cut = taken.cut();
      String json = cut.snapshot().toJson();
      List<Event> before = taken.whole().events.subList(0, (int) cut.snapshot().streamPosition());
      String wrong = wrongOutcome(taken.plan(), taken.resumed(), before, deadline);
      report.cut(cut.source(), CutKinds.of(json, before), wrong == null ? null
          : "seed " + taken.seed() + " " + taken.plan() + ", resumed from a " + cut.source() + ": " + wrong
              + "\n    the cut: " + json);
    }
    System.out.println("ConsistentCutTest, seeds " + FIRST_SEED + " to " + (FIRST_SEED + PLANS - 1) + ": "
        + report.summary());
    assertFalse(report.anyFailed(), report.summary());
  }

  private static long deadline() {
    return System.nanoTime() + PATIENCE.toNanos();
  }

  /** Takes snapshots at random moments, a few hundred microseconds to a few milliseconds apart, until the run ends. */
  private static void takeSnapshots(WatchedRun run, Random random, List<Cut> cuts) {
    for (int taken = 0; taken < MAX_SNAPSHOTS && !run.handler.isDone(); taken++) {
      LockSupport.parkNanos(random.nextInt(3_000_000));
      try {
        cuts.add(new Cut("snapshot", run.handler.snapshot()));
      } catch (IllegalStateException finished) {
        return;
      }
    }
  }

  /** Up to {@link #CUTS_PER_PLAN} cuts, drawn at random. */
  private static List<Cut> choose(List<Cut> cuts, Random random) {
    List<Cut> left = new ArrayList<>(cuts);
    List<Cut> chosen = new ArrayList<>();
    while (chosen.size() < CUTS_PER_PLAN && !left.isEmpty()) {
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
