package io.stepwise.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.store.contract.TickingClock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunCheckpointsTest {
  private final InMemoryRunStore store = new InMemoryRunStore(new TickingClock());

  private static Checkpoint step(String runId, int step) {
    return new Checkpoint(runId, "OrderFlow", null, RunStatus.RUNNING, "{\"step\":" + step + "}");
  }

  @Test
  void eachRunCarriesItsOwnVersion() {
    RunCheckpoints checkpoints = new RunCheckpoints(store);

    checkpoints.save(step("a", 1));
    checkpoints.save(step("b", 1));
    StoredRun a2 = checkpoints.save(step("a", 2));

    assertEquals(2, a2.version());
    assertEquals(Optional.of(a2), store.load("a"));
    assertEquals(1, store.load("b").orElseThrow().version());
  }

  @Test
  void anAdoptedRunContinuesFromItsStoredVersion() {
    new RunCheckpoints(store).save(step("a", 1));
    RunCheckpoints newProcess = new RunCheckpoints(store);

    newProcess.adopt(store.load("a").orElseThrow());
    StoredRun next = newProcess.save(step("a", 2));

    assertEquals(2, next.version());
  }

  @Test
  void aRunDrivenElsewhereIsRefusedFromThenOn() {
    RunCheckpoints first = new RunCheckpoints(store);
    first.save(step("a", 1));
    RunCheckpoints second = new RunCheckpoints(store);
    second.adopt(store.load("a").orElseThrow());
    StoredRun theirs = second.save(step("a", 2));

    assertThrows(StaleRunException.class, () -> first.save(step("a", 3)));
    assertThrows(StaleRunException.class, () -> first.save(step("a", 4)));
    assertEquals(Optional.of(theirs), store.load("a"));
  }

  @Test
  void forgettingARunStartsItAnew() {
    RunCheckpoints checkpoints = new RunCheckpoints(store);
    checkpoints.save(step("a", 1));

    assertTrue(checkpoints.forget("a"));
    assertFalse(checkpoints.forget("a"));
    assertThrows(StaleRunException.class, () -> checkpoints.save(step("a", 2)));
  }
}
