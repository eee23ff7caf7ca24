package io.stepwise.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.stepwise.store.Checkpoint;
import io.stepwise.store.RunStatus;
import io.stepwise.store.StaleRunException;
import io.stepwise.store.StoredRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batching and hand-over of {@link SaveGroupCommit}, with a writer that records what it is given. */
class SaveGroupCommitTest {
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> writerThreads = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstBatchMayFinish = new CountDownLatch(1);

  @AfterEach
  void stopCallers() {
    firstBatchMayFinish.countDown();
    callers.shutdownNow();
  }

  private static CheckpointSave save(String runId, long expectedVersion) {
    Checkpoint checkpoint = new Checkpoint(runId, "F", null, RunStatus.RUNNING, "{}");
    return new CheckpointSave(new StoredRun(checkpoint, expectedVersion + 1, Instant.EPOCH), expectedVersion);
  }

  /** Records each batch; the first waits for the latch; run "broken" fails its batch, a run "stale..." is refused. */
  private StaleRunException[] record(List<CheckpointSave> saves) throws java.sql.SQLException {
    batches.add(saves.stream().map(CheckpointSave::runId).toList());
    writerThreads.add(Thread.currentThread());
    if (batches.size() == 1) {
      await(firstBatchMayFinish);
    }
    if (saves.stream().anyMatch(save -> save.runId().equals("broken"))) {
      throw new java.sql.SQLException("disk I/O error", "HY000", 10);
    }
    return saves.stream()
        .map(save -> save.runId().startsWith("stale") ? new StaleRunException(save.runId(), save.expectedVersion(), 9)
            : null)
        .toArray(StaleRunException[]::new);
  }

  @Test
  void aLoneSaveIsWrittenAtOnceOnItsCallersThread() throws Exception {
    firstBatchMayFinish.countDown();
    SaveGroupCommit group = new SaveGroupCommit(this::record);

    group.save(save("run-1", 0));

    assertEquals(List.of(List.of("run-1")), batches);
    assertSame(Thread.currentThread(), writerThreads.get(0));
    assertEquals(new SaveGroupCommit.Progress(1, 1, 0, false), group.progress());
  }

  @Test
  void savesMadeDuringACommitShareTheNextOneInTheirOrder() throws Exception {
    SaveGroupCommit group = new SaveGroupCommit(this::record);
    CompletableFuture<Void> first = saveAsync(group, save("first", 0));
    awaitProgress(group, 0);
    List<CompletableFuture<Void>> queued = new ArrayList<>();
    for (String runId : List.of("a", "stale-b", "c")) {
      queued.add(saveAsync(group, save(runId, 3)));
      awaitProgress(group, queued.size());
    }

    firstBatchMayFinish.countDown();
    first.get(10, TimeUnit.SECONDS);
    queued.get(0).get(10, TimeUnit.SECONDS);
    queued.get(2).get(10, TimeUnit.SECONDS);
    StaleRunException stale = assertInstanceOf(StaleRunException.class, failure(queued.get(1)));

    assertEquals(new StaleRunException("stale-b", 3, 9).getMessage(), stale.getMessage());
    assertEquals(List.of(List.of("first"), List.of("a", "stale-b", "c")), batches);
    // The caller of "a" heads the second batch, so it wrote it: no thread of the group commit's own.
    assertEquals(2, writerThreads.stream().distinct().count());
    assertEquals(new SaveGroupCommit.Progress(2, 4, 0, false), group.progress());
  }

  @Test
  void aBatchHoldsAtMostMaxBatchSaves() throws Exception {
    SaveGroupCommit group = new SaveGroupCommit(this::record);
    CompletableFuture<Void> first = saveAsync(group, save("first", 0));
    awaitProgress(group, 0);
    List<CompletableFuture<Void>> queued = new ArrayList<>();
    for (int i = 0; i < SaveGroupCommit.MAX_BATCH + 3; i++) {
      queued.add(saveAsync(group, save("run-" + i, 0)));
    }
    awaitProgress(group, SaveGroupCommit.MAX_BATCH + 3);

    firstBatchMayFinish.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (CompletableFuture<Void> save : queued) {
      save.get(10, TimeUnit.SECONDS);
    }

    assertEquals(List.of(1, SaveGroupCommit.MAX_BATCH, 3), batches.stream().map(List::size).toList());
  }

  @Test
  void aFailedBatchFailsEachOfItsCallersAndTheNextBatchGoesOn() throws Exception {
    SaveGroupCommit group = new SaveGroupCommit(this::record);
    CompletableFuture<Void> first = saveAsync(group, save("first", 0));
    awaitProgress(group, 0);
    List<CompletableFuture<Void>> failing = new ArrayList<>();
    for (String runId : List.of("a", "broken", "stale-c")) {
      failing.add(saveAsync(group, save(runId, 1)));
      awaitProgress(group, failing.size());
    }

    firstBatchMayFinish.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (CompletableFuture<Void> save : failing) {
      SaveGroupCommit.FailedBatch failed = assertInstanceOf(SaveGroupCommit.FailedBatch.class, failure(save));
      assertEquals(3, failed.batchSize());
      assertEquals("disk I/O error", failed.getMessage());
      assertEquals("HY000", failed.getSQLState());
      assertEquals("disk I/O error", failed.getCause().getMessage());
    }
    group.save(save("after", 0));

    assertEquals(List.of(List.of("first"), List.of("a", "broken", "stale-c"), List.of("after")), batches);
    assertEquals(new SaveGroupCommit.Progress(3, 5, 0, false), group.progress());
  }

  @Test
  void anErrorInTheWriterReachesItsCallersAndFreesTheTurn() throws Exception {
    firstBatchMayFinish.countDown();
    boolean[] thrown = new boolean[1];
    SaveGroupCommit group = new SaveGroupCommit(saves -> {
      if (!thrown[0]) {
        thrown[0] = true;
        throw new OutOfMemoryError("simulated");
      }
      return new StaleRunException[saves.size()];
    });

    SaveGroupCommit.FailedBatch failed = assertThrows(SaveGroupCommit.FailedBatch.class, () -> group.save(save("a", 0)));
    group.save(save("b", 0));

    assertInstanceOf(OutOfMemoryError.class, failed.getCause());
    assertEquals(new SaveGroupCommit.Progress(2, 2, 0, false), group.progress());
  }

  private CompletableFuture<Void> saveAsync(SaveGroupCommit group, CheckpointSave save) {
    return CompletableFuture.runAsync(() -> {
      try {
        group.save(save);
      } catch (SaveGroupCommit.FailedBatch e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, callers);
  }

  private static Throwable failure(CompletableFuture<Void> save) throws Exception {
    try {
      save.get(10, TimeUnit.SECONDS);
      return fail("expected the save to fail");
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  /** Waits until a batch is being written and {@code waiting} saves wait behind it. */
  private static void awaitProgress(SaveGroupCommit group, int waiting) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(group.progress().writing() && group.progress().waiting() == waiting)) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + waiting + " saves to queue: " + group.progress());
      }
      Thread.sleep(1);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the test did not release the first batch");
      }
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
