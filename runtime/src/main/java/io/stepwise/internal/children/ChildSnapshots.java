package io.stepwise.internal.children;

import io.stepwise.Snapshot;
import io.stepwise.internal.loop.LoopImage;
import io.stepwise.internal.run.RunHandle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongFunction;

/**
 * Takes the snapshots of the child runs that a parent's executions in flight wait for, right
 * after the parent's cut. Each child answers from its own loop, so the parent's loop never waits
 * for one; a child that ends before it answers is left out, and its execution's re-run starts a
 * new child instead.
 */
public final class ChildSnapshots {
  private static final CompletableFuture<List<ChildImage>> NONE = CompletableFuture.completedFuture(List.of());
  private static final Comparator<ChildImage> ORDER =
      Comparator.comparingInt(ChildImage::execution).thenComparingInt(ChildImage::call);

  private ChildSnapshots() {}

  /**
   * Asks every child of the cut's executions for its snapshot.
   *
   * @param children the child runs of the execution under a loop key, or null; called on the loop's thread
   * @return the children's images, by execution and call; already complete when no execution has a child
   */
  public static CompletableFuture<List<ChildImage>> of(LoopImage loop, LongFunction<ChildRuns> children) {
    List<CompletableFuture<ChildImage>> asked = null;
    List<LoopImage.ExecutionImage> executions = loop.executions();
    for (int i = 0; i < executions.size(); i++) {
      ChildRuns runs = children.apply(executions.get(i).key());
      if (runs == null) {
        continue;
      }
      for (ChildRuns.Link link : runs.running()) {
        if (asked == null) {
          asked = new ArrayList<>();
        }
        asked.add(ask(i, link));
      }
    }
    if (asked == null) {
      return NONE;
    }
    List<CompletableFuture<ChildImage>> all = asked;
    return CompletableFuture.allOf(all.toArray(CompletableFuture<?>[]::new)).thenApply(done -> all.stream()
        .map(CompletableFuture::join).filter(Objects::nonNull).sorted(ORDER).toList());
  }

  private static CompletableFuture<ChildImage> ask(int execution, ChildRuns.Link link) {
    // A child being started is asked once it runs; one that failed to start is left out, as one that ended
    // or one still queued behind its workflow's numConcurrentRuns.
    return link.handle().handle((handle, notStarted) -> handle).thenCompose(handle -> {
      if (handle == null) {
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Snapshot> snapshot = handle instanceof RunHandle<?> run ? run.snapshotLater()
          : CompletableFuture.supplyAsync(handle::snapshot, Thread.ofVirtual().factory()::newThread);
      return snapshot.handle((taken, error) -> {
        if (error == null && !taken.isFinished()) {
          return new ChildImage(execution, link.call(), link.workflow(), taken);
        }
        // It ended after the parent's cut (its snapshot is then its end snapshot), or it still waits
        // for a slot of its numConcurrentRuns: the re-run starts a new child.
        if (handle.isDone() || (handle instanceof RunHandle<?> run && run.isQueued())) {
          return null;
        }
        throw error instanceof CompletionException wrapped ? wrapped : new CompletionException(error);
      });
    });
  }
}
