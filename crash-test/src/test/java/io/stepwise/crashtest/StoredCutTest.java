package io.stepwise.crashtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStatus;
import io.stepwise.store.StoredRun;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the checks take a stored checkpoint to hold: completed means marked and not in flight, children included. */
@Timeout(10)
class StoredCutTest {
  private static final String SNAPSHOT = """
      {"format":1,"workflow":"crash-child","runId":"r","store":{
        "done:crash-child.start,3":true,"done:crash-child.delegate,0":true,"done:crash-child.delegate,1":true},
       "executions":[
        {"step":"delegate","events":[{"@type":"x.Item","n":1}],"children":[{"call":0,"workflow":"crash-square",
          "snapshot":{"format":1,"workflow":"crash-square","store":{"done:crash-square.half,1":true},
            "executions":[{"step":"finish","events":[{"@type":"x.Halfway","n":1}]}],"waiters":[]}}]},
        {"step":"pair","events":[{"@type":"x.Left","n":2},{"@type":"x.Right","n":2}]}],
       "waiters":[{"step":"ask","waiterEvent":{"@type":"x.Question","n":4}}]}
      """;

  @Test
  void completedExecutionsAreTheMarkedOnesNotInFlightInTheRunAndItsChildren() {
    StoredCut cut = StoredCut.of(new StoredRun(
        new Checkpoint("r", "crash-child", null, RunStatus.RUNNING, SNAPSHOT), 7, Instant.EPOCH));

    assertEquals(7, cut.version());
    assertEquals(RunStatus.RUNNING, cut.status());
    assertEquals(Set.of("crash-child.start,3", "crash-child.delegate,0", "crash-square.half,1"), cut.completed());
    assertEquals(Set.of("crash-child.delegate,1", "crash-child.pair,2+2", "crash-square.finish,1"), cut.inFlight());
    assertEquals(List.of(4), cut.openQuestions());
  }
}
