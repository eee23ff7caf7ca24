package io.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stepwise.store.contract.TickingClock;
import org.junit.jupiter.api.Test;

class CheckpointTest {
  @Test
  void checkpointNeedsAWorkflowAndASnapshot() {
    IllegalArgumentException noWorkflow = assertThrows(IllegalArgumentException.class,
        () -> new Checkpoint("run-1", " ", null, RunStatus.RUNNING, "{}"));
    assertEquals("A checkpoint of run 'run-1' needs a workflow name, was blank.", noWorkflow.getMessage());
    IllegalArgumentException noSnapshot = assertThrows(IllegalArgumentException.class,
        () -> new Checkpoint("run-1", "OrderFlow", null, RunStatus.RUNNING, null));
    assertEquals("A checkpoint of run 'run-1' needs the snapshot JSON, was null.", noSnapshot.getMessage());
  }

  @Test
  void runIdIsLimitedInLength() {
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> Checkpoint.requireRunId("x".repeat(201)));
    assertEquals("A run id must have 1 to 200 characters, was 201 characters.", tooLong.getMessage());
  }

  @Test
  void storedRunVersionsStartAtOne() {
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> new StoredRun(new Checkpoint("r", "W", null, RunStatus.RUNNING, "{}"), 0, TickingClock.START));
    assertEquals("A stored run's version starts at 1, was 0.", zero.getMessage());
  }
}
