package io.stepwise.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consistent-cut property on the reducer alone, without threads: random fan-out/collect runs
 * (with sends, joins, waits, retries and concurrent collectors), cut after every single tick and
 * resumed in a new loop, must end with the uninterrupted run's result, and over the part before
 * the cut and the resumed part, every event must be taken exactly once by each step it goes to,
 * every collected event be in exactly one collected set, every reply be matched once (a person
 * answers each question once) and every stream write be published once.
 *
 * <p>Plans come from seeds {@code stepwise.cuts.seed} (a system property, default below) onwards;
 * a failure names its seed and the tick the cut followed.
 */
@Timeout(120)
class RunLoopCutPropertyTest {
  private static final long FIRST_SEED = Long.getLong("stepwise.cuts.seed", 1_000L);
  private static final int PLANS = 200;

  @Test
  void runsCutAfterAnyTickResumeToTheUninterruptedResultTakingEachEventOnce() {
    CutTally tally = new CutTally();
    for (long seed = FIRST_SEED; seed < FIRST_SEED + PLANS; seed++) {
      SimulatedFlow flow = SimulatedFlow.random(seed);
      Map<String, Integer> expectedLog = flow.expectedLog();
      LoopSimulation whole = LoopSimulation.started(flow, seed);
      String wrong = outcome(flow, whole, whole.runToEnd(), whole.log.all(), expectedLog);
      if (wrong != null) {
        tally.other("seed " + seed + " " + flow + ": " + wrong);
        continue;
      }
      for (int cut = 1; cut < whole.ticks(); cut++) {
        LoopImage image = whole.cut(cut);
        LoopSimulation resumed = LoopSimulation.resumed(flow, seed * 1_000 + cut, image, whole.answeredBefore(cut));
        String stopped = resumed.runToEnd();
        wrong = outcome(flow, resumed, stopped, SegmentLog.plus(whole.log.before(cut), resumed.log.all()),
            expectedLog);
        tally.cut(whole.inFlightAt(cut), wrong == null ? null : "seed " + seed + " " + flow + ", cut after tick "
            + cut + " of " + whole.ticks() + " (" + whole.tickAt(cut - 1) + "), in flight: " + whole.inFlightAt(cut)
            + ":\n  " + wrong + "\n  image at the cut: " + image);
      }
    }
    System.out.println("RunLoopCutPropertyTest, seeds " + FIRST_SEED + " to " + (FIRST_SEED + PLANS - 1) + ": "
        + tally.summary());
    assertFalse(tally.anyFailed(), tally.summary());
  }

  /** What is wrong with how a run ended and what it did over all its segments, or null when nothing is. */
  private static String outcome(SimulatedFlow flow, LoopSimulation last, String stopped, Map<String, Integer> log,
      Map<String, Integer> expectedLog) {
    if (stopped != null) {
      return stopped + "\n    so far: " + differences(expectedLog, log);
    }
    Command.Finish finish = last.finish();
    if (finish.error() != null || !flow.expected().equals(finish.terminal())) {
      return "ended with " + finish.terminal() + (finish.error() == null ? "" : " (" + finish.error() + ")")
          + " instead of " + flow.expected() + "; " + differences(expectedLog, log);
    }
    List<String> differences = SegmentLog.differences(expectedLog, log);
    return differences.isEmpty() ? null : "the right result, but " + differences;
  }

  private static String differences(Map<String, Integer> expected, Map<String, Integer> actual) {
    List<String> differences = SegmentLog.differences(expected, actual);
    return differences.isEmpty() ? "every event taken once" : String.join("; ", differences);
  }
}
