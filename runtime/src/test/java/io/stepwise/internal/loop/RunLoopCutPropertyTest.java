package io.stepwise.internal.loop;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consistent-cut property on the reducer alone, without threads: random fan-out/collect runs
 * (with sends, stream writes, joins, waits, retries and concurrent collectors), cut after every
 * single tick and resumed in a new loop, must end with the uninterrupted run's result; and over
 * the part before the cut and the resumed part, every event must be taken exactly once by each step
 * it goes to, every collected event be in exactly one collected set, every reply be matched once (a
 * person answers each question once) and every stream write be published once.
 *
 * <p>Plans come from {@code stepwise.cuts.plans} seeds (system properties; defaults below) from
 * {@code stepwise.cuts.seed} on; a failure names its seed and the tick the cut followed.
 */
@Timeout(120)
class RunLoopCutPropertyTest {
  private static final long FIRST_SEED = Long.getLong("stepwise.cuts.seed", 1_000L);
  private static final int PLANS = Integer.getInteger("stepwise.cuts.plans", 200);

  @Test
  void runsCutAfterAnyTickResumeToTheUninterruptedResultTakingEachEventOnce() {
    CutTally tally = new CutTally();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + PLANS; seed++) {
      SimulatedFlow flow = SimulatedFlow.random(seed);
      LoopSimulation whole = uninterrupted(flow, tally);
      for (int cut = 1; whole != null && cut < whole.ticks(); cut++) {
        LoopSimulation resumed = LoopSimulation.resumed(flow, seed * 1_000 + cut, whole.cut(cut),
            whole.answeredBefore(cut), false);
        String wrong = outcome(flow, resumed, resumed.runToEnd(),
            SegmentLog.plus(whole.log.before(cut), resumed.log.all()));
        tally.cut(whole.inFlightAt(cut), wrong == null ? null
            : "seed " + seed + " " + flow + ", " + cutAt(whole, cut) + ":\n  " + wrong);
      }
    }
    report(tally);
  }

  /**
   * A resumed run is cut again, after a random tick, and resumed once more: what a re-run had
   * replayed and what it did since must both survive the second cut.
   */
  @Test
  void resumedRunsCutAgainResumeToTheUninterruptedResultTakingEachEventOnce() {
    CutTally tally = new CutTally();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + PLANS; seed++) {
      SimulatedFlow flow = SimulatedFlow.random(seed);
      LoopSimulation whole = uninterrupted(flow, tally);
      Random random = new Random(seed);
      for (int cut = 1; whole != null && cut < whole.ticks(); cut++) {
        LoopSimulation first = LoopSimulation.resumed(flow, seed * 1_000 + cut, whole.cut(cut),
            whole.answeredBefore(cut), true);
        if (first.runToEnd() != null || first.ticks() < 3) {
          continue; // the first test reports it; a resumed run that ends at once has nothing to cut
        }
        int again = 1 + random.nextInt(first.ticks() - 2);
        LoopSimulation second = LoopSimulation.resumed(flow, seed * 1_000_000 + cut * 1_000 + again,
            first.cut(again), first.answeredBefore(again), false);
        String wrong = outcome(flow, second, second.runToEnd(),
            SegmentLog.plus(SegmentLog.plus(whole.log.before(cut), first.log.before(again)), second.log.all()));
        Set<String> kinds = new TreeSet<>();
        first.inFlightAt(again).forEach(kind -> kinds.add("resumed, then " + kind));
        tally.cut(kinds, wrong == null ? null : "seed " + seed + " " + flow + ", " + cutAt(whole, cut)
            + ", then resumed and " + cutAt(first, again) + ":\n  " + wrong);
      }
    }
    report(tally);
  }

  /** The plan's uninterrupted run, or null after recording in {@code tally} that it went wrong. */
  private static LoopSimulation uninterrupted(SimulatedFlow flow, CutTally tally) {
    LoopSimulation whole = LoopSimulation.started(flow, flow.seed());
    String wrong = outcome(flow, whole, whole.runToEnd(), whole.log.all());
    if (wrong != null) {
      tally.other("seed " + flow.seed() + " " + flow + ": " + wrong);
      return null;
    }
    return whole;
  }

  private static String cutAt(LoopSimulation run, int cut) {
    return "cut after tick " + cut + " of " + run.ticks() + " (" + run.tickAt(cut - 1) + "), when in flight: "
        + run.inFlightAt(cut) + "\n  image at the cut: " + run.cut(cut);
  }

  private static void report(CutTally tally) {
    System.out.println("RunLoopCutPropertyTest, seeds " + FIRST_SEED + " to " + (FIRST_SEED + PLANS - 1) + ": "
        + tally.summary());
    assertFalse(tally.anyFailed(), tally.summary());
  }

  /** What is wrong with how a run ended and what it did over all its segments, or null when nothing is. */
  private static String outcome(SimulatedFlow flow, LoopSimulation last, String stopped, Map<String, Integer> log) {
    Map<String, Integer> expectedLog = flow.expectedLog();
    if (stopped != null) {
      return stopped + "\n    so far: " + differences(expectedLog, log);
    }
    Command.Finish finish = last.finish();
    if (finish.error() != null || !flow.expected().equals(finish.terminal())) {
      return "ended with " + finish.terminal() + (finish.error() == null ? "" : " (" + finish.error() + ")")
          + " instead of " + flow.expected() + "; " + differences(expectedLog, log);
    }
    String differences = differences(expectedLog, log);
    return differences == null ? null : "the right result, but " + differences;
  }

  /** The entries taken or published a wrong number of times, or null when each was once. */
  private static String differences(Map<String, Integer> expected, Map<String, Integer> actual) {
    var differences = SegmentLog.differences(expected, actual);
    return differences.isEmpty() ? null : String.join("; ", differences);
  }
}
