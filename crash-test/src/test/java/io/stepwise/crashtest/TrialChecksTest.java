package io.stepwise.crashtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.store.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The checks find each kind of broken guarantee in a trial, and nothing in a sound one. */
@Timeout(10)
class TrialChecksTest {
  private static final Shape<?, ?> SHAPE = RetryFlow.SHAPE;
  private static final String R = "crash-retry.";

  /** Two JVMs: 1 ran start and jobs 0 to 3 (attempts 1 and 2 of 0 and 1), then was killed; 2 resumed. */
  private static LedgerReading ledger(List<LedgerReading.Began> extra, List<String> stops) {
    List<LedgerReading.Began> began = new ArrayList<>(List.of(
        new LedgerReading.Began(1, R + "start,4", 1),
        new LedgerReading.Began(1, R + "flaky,0", 1), new LedgerReading.Began(1, R + "flaky,1", 1),
        new LedgerReading.Began(1, R + "flaky,0", 2), new LedgerReading.Began(1, R + "flaky,1", 2),
        new LedgerReading.Began(1, R + "gather,0", 1),
        new LedgerReading.Began(2, R + "flaky,2", 1), new LedgerReading.Began(2, R + "flaky,3", 1),
        new LedgerReading.Began(2, R + "flaky,2", 2), new LedgerReading.Began(2, R + "flaky,3", 2),
        new LedgerReading.Began(2, R + "gather,1", 1), new LedgerReading.Began(2, R + "gather,2", 1),
        new LedgerReading.Began(2, R + "gather,3", 1)));
    began.addAll(extra);
    return new LedgerReading(began, stops, List.of());
  }

  private static final StoredCut CUT = new StoredCut(5, RunStatus.RUNNING,
      Set.of(R + "start,4", R + "flaky,0", R + "flaky,1", R + "gather,0"), Set.of(), List.of());
  private static final List<JvmRun> JVMS = List.of(
      new JvmRun(0, 1, "start", null, 100, true, ""),
      new JvmRun(1, 2, "resume", CUT, -1, false, "finished " + SHAPE.expected()));

  @Test
  void aSoundTrialPassesEveryCheck() {
    assertEquals(List.of(), TrialChecks.check(SHAPE, JVMS, ledger(List.of(), List.of(SHAPE.expected())), SHAPE.expected()));
  }

  @Test
  void aWrongResultAndAWrongFinalStepAreReported() {
    assertEquals(List.of("result 0@2,1@2,1@2,3@2, expected 0@2,1@2,2@2,3@2",
            "a final step computed 0@2,1@2,1@2,3@2, expected 0@2,1@2,2@2,3@2"),
        TrialChecks.check(SHAPE, JVMS, ledger(List.of(), List.of("0@2,1@2,1@2,3@2")), "0@2,1@2,1@2,3@2"));
  }

  @Test
  void anExecutionCompletedInTheCheckpointThatRanAgainIsReported() {
    assertEquals(List.of("JVM 1 (resume, from stored version 5) ran again executions completed in that checkpoint:"
            + " [crash-retry.flaky,1]"),
        TrialChecks.check(SHAPE, JVMS, ledger(List.of(new LedgerReading.Began(2, R + "flaky,1", 2)),
            List.of(SHAPE.expected())), SHAPE.expected()));
  }

  @Test
  void anExecutionRunTwiceInOneJvmIsReported() {
    assertEquals(List.of("JVM 1 (resume) ran crash-retry.gather,3 attempt 1 2 times"),
        TrialChecks.check(SHAPE, JVMS, ledger(List.of(new LedgerReading.Began(2, R + "gather,3", 1)),
            List.of(SHAPE.expected())), SHAPE.expected()));
  }

  @Test
  void missingUnexpectedAndOverRetriedExecutionsAreReported() {
    LedgerReading withoutGather3 = new LedgerReading(ledger(List.of(new LedgerReading.Began(2, R + "gather,9", 1),
        new LedgerReading.Began(2, R + "flaky,3", 3)), List.of()).began().stream()
        .filter(b -> !b.key().equals(R + "gather,3")).toList(), List.of(), List.of());

    assertEquals(List.of("executions that never ran: [crash-retry.gather,3]",
            "executions an uninterrupted run does not make: [crash-retry.gather,9]",
            "crash-retry.flaky,3 ran attempts [1, 2, 3]; it fails only its first, so only attempts 1 and 2 run"),
        TrialChecks.check(SHAPE, JVMS, withoutGather3, SHAPE.expected()));
  }
}
