package io.stepwise.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStatus;
import io.stepwise.store.RunStore;
import io.stepwise.store.StaleRunException;
import io.stepwise.store.StoredRun;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RunStore} does, run against each implementation by a subclass. */
public abstract class RunStoreContract {
  protected static final String SNAPSHOT = "{\"format\":1,\"state\":{\"note\":\"line\\nbreak \\\"quoted\\\" é ✓\"},\"queues\":[]}";

  protected RunStore store;

  /** A store over fresh, empty data, stamping saves with {@code clock}. */
  protected abstract RunStore open(InstantSource clock);

  /** Another store over the same data, as a second process would open it. */
  protected abstract RunStore reopen(InstantSource clock);

  @BeforeEach
  protected void openStore() {
    store = open(new TickingClock());
  }

  protected static Checkpoint checkpoint(String runId, RunStatus status, String snapshot) {
    return new Checkpoint(runId, "OrderFlow", "sha256:abc", status, snapshot);
  }

  @Test
  void savedCheckpointLoadsBackVerbatimAsVersionOne() {
    StoredRun saved = store.save(checkpoint("run-1", RunStatus.RUNNING, SNAPSHOT), 0);

    assertEquals(1, saved.version());
    assertEquals(TickingClock.START, saved.updatedAt());
    assertEquals(Optional.of(saved), store.load("run-1"));
    assertEquals(SNAPSHOT, store.load("run-1").orElseThrow().snapshotJson());
  }

  @Test
  void graphHashMayBeUnknown() {
    Checkpoint noHash = new Checkpoint("run-1", "OrderFlow", null, RunStatus.WAITING, SNAPSHOT);
    store.save(noHash, 0);

    assertEquals(noHash, store.load("run-1").orElseThrow().checkpoint());
  }

  @Test
  void unknownRunLoadsEmpty() {
    assertEquals(Optional.empty(), store.load("never-saved"));
  }

  @Test
  void eachSaveReplacesTheCheckpointWithTheNextVersion() {
    StoredRun first = store.save(checkpoint("run-1", RunStatus.RUNNING, "{\"step\":1}"), 0);
    StoredRun second = store.save(checkpoint("run-1", RunStatus.WAITING, "{\"step\":2}"), first.version());
    StoredRun third = store.save(checkpoint("run-1", RunStatus.FINISHED, "{\"step\":3}"), second.version());

    assertEquals(3, third.version());
    assertEquals(TickingClock.START.plusSeconds(2), third.updatedAt());
    assertEquals(Optional.of(third), store.load("run-1"));
    assertEquals(List.of(third), store.list());
  }

  @Test
  void staleWriterIsRefusedAndTheStoredCheckpointStays() {
    StoredRun base = store.save(checkpoint("run-1", RunStatus.RUNNING, "{\"step\":1}"), 0);
    RunStore other = reopen(new TickingClock());
    StoredRun winner = other.save(checkpoint("run-1", RunStatus.RUNNING, "{\"by\":\"other\"}"), base.version());

    StaleRunException stale = assertThrows(StaleRunException.class,
        () -> store.save(checkpoint("run-1", RunStatus.RUNNING, "{\"by\":\"me\"}"), base.version()));

    assertEquals("Run 'run-1' was not saved: the writer expected version 1, but the store holds version 2."
        + " Another process is driving this run; load it again and resume from the stored checkpoint"
        + " instead of overwriting it.", stale.getMessage());
    assertEquals(1, stale.expectedVersion());
    assertEquals(2, stale.actualVersion());
    assertEquals(Optional.of(winner), store.load("run-1"));
  }

  @Test
  void secondFirstSaveOfARunIsStale() {
    StoredRun first = store.save(checkpoint("run-1", RunStatus.RUNNING, "{\"by\":\"first\"}"), 0);

    StaleRunException stale = assertThrows(StaleRunException.class,
        () -> store.save(checkpoint("run-1", RunStatus.RUNNING, "{\"by\":\"second\"}"), 0));

    assertEquals(0, stale.expectedVersion());
    assertEquals(1, stale.actualVersion());
    assertTrue(stale.getMessage().contains("the writer expected a new run, but the store holds version 1"), stale.getMessage());
    assertEquals(Optional.of(first), store.load("run-1"));
  }

  @Test
  void savingADeletedRunIsStaleAndDoesNotRecreateIt() {
    StoredRun first = store.save(checkpoint("run-1", RunStatus.RUNNING, SNAPSHOT), 0);
    assertTrue(store.delete("run-1"));

    StaleRunException stale = assertThrows(StaleRunException.class,
        () -> store.save(checkpoint("run-1", RunStatus.RUNNING, SNAPSHOT), first.version()));

    assertTrue(stale.getMessage().contains("but the store has no such run (it was deleted)"), stale.getMessage());
    assertEquals(Optional.empty(), store.load("run-1"));
  }

  @Test
  void concurrentWritersOfOneVersionExactlyOneWins() throws Exception {
    StoredRun base = store.save(checkpoint("run-1", RunStatus.RUNNING, "{\"writer\":-1}"), 0);
    int writers = 6;
    List<RunStore> stores = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      stores.add(i % 2 == 0 ? store : reopen(new TickingClock()));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Future<StoredRun>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
      for (int i = 0; i < writers; i++) {
        RunStore writer = stores.get(i);
        String snapshot = "{\"writer\":" + i + "}";
        results.add(pool.submit(() -> {
          start.await();
          return writer.save(checkpoint("run-1", RunStatus.RUNNING, snapshot), base.version());
        }));
      }
      start.countDown();
    }
    List<StoredRun> won = new ArrayList<>();
    int stale = 0;
    for (Future<StoredRun> result : results) {
      try {
        won.add(result.get());
      } catch (java.util.concurrent.ExecutionException e) {
        assertEquals(StaleRunException.class, e.getCause().getClass(), () -> "unexpected failure: " + e.getCause());
        stale++;
      }
    }
    assertEquals(1, won.size());
    assertEquals(writers - 1, stale);
    assertEquals(Optional.of(won.get(0)), store.load("run-1"));
  }

  @Test
  void listFiltersByStatusOldestUpdateFirst() {
    StoredRun a = store.save(checkpoint("a", RunStatus.WAITING, SNAPSHOT), 0);
    StoredRun b = store.save(checkpoint("b", RunStatus.FINISHED, SNAPSHOT), 0);
    StoredRun c = store.save(checkpoint("c", RunStatus.WAITING, SNAPSHOT), 0);
    StoredRun d = store.save(checkpoint("d", RunStatus.RUNNING, SNAPSHOT), 0);
    StoredRun a2 = store.save(checkpoint("a", RunStatus.WAITING, "{}"), a.version());

    assertEquals(List.of(c, a2), store.list(EnumSet.of(RunStatus.WAITING)));
    assertEquals(List.of(b, d), store.list(EnumSet.of(RunStatus.RUNNING, RunStatus.FINISHED)));
    assertEquals(List.of(b, c, d, a2), store.list());
    assertEquals(List.of(), store.list(EnumSet.noneOf(RunStatus.class)));
    assertEquals(List.of(), store.list(Set.of(RunStatus.FAILED)));
  }

  @Test
  void deleteRemovesOnlyThatRun() {
    store.save(checkpoint("a", RunStatus.RUNNING, SNAPSHOT), 0);
    StoredRun b = store.save(checkpoint("b", RunStatus.RUNNING, SNAPSHOT), 0);

    assertTrue(store.delete("a"));
    assertFalse(store.delete("a"));
    assertFalse(store.delete("never-saved"));
    assertEquals(Optional.empty(), store.load("a"));
    assertEquals(List.of(b), store.list());
  }

  @Test
  void runIdsThatDifferOnlyInCaseOrPunctuationStayApart() {
    List<String> ids = List.of("Run/A b:ü", "run/a b:ü", "run-a-b", "..", ".hidden", "x".repeat(Checkpoint.MAX_RUN_ID_LENGTH),
        "ü".repeat(Checkpoint.MAX_RUN_ID_LENGTH), "ü".repeat(Checkpoint.MAX_RUN_ID_LENGTH - 1) + "v");
    for (int i = 0; i < ids.size(); i++) {
      store.save(checkpoint(ids.get(i), RunStatus.RUNNING, "{\"i\":" + i + "}"), 0);
    }

    for (int i = 0; i < ids.size(); i++) {
      assertEquals("{\"i\":" + i + "}", store.load(ids.get(i)).orElseThrow().snapshotJson(), ids.get(i));
    }
    assertEquals(ids.size(), store.list().size());
  }

  @Test
  void badArgumentsAreRefusedAndChangeNothing() {
    StoredRun saved = store.save(checkpoint("run-1", RunStatus.RUNNING, SNAPSHOT), 0);

    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> store.save(checkpoint("run-1", RunStatus.RUNNING, "{}"), -1));
    assertEquals("The expected version of run 'run-1' must be 0 (a new run) or the version last saved or loaded,"
        + " was -1.", negative.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> store.load(""));
    assertEquals("A run id must have 1 to 200 characters, was 0 characters.", empty.getMessage());
    IllegalArgumentException control = assertThrows(IllegalArgumentException.class, () -> store.delete("a\nb"));
    assertEquals("A run id must not contain control characters, 'a?b' has one at index 1.", control.getMessage());
    assertThrows(NullPointerException.class, () -> store.list(null));
    assertEquals(List.of(saved), store.list());
  }
}
