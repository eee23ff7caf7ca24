package io.stepwise.internal.children;

import io.stepwise.Event;
import io.stepwise.Snapshot;
import io.stepwise.internal.loop.LoopImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongFunction;

/**
 * The child runs in a parent's snapshot: taking them ({@link #of}) and giving them back to the
 * re-run executions of a resumed parent ({@link Resumed}).
 *
 * <p>The snapshots of the child runs that a parent's executions in flight wait for are taken right
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
  public static CompletableFuture<List<ChildImage>> of(LoopImage loop, LongFunction<ExecutionChildren> children) {
    List<CompletableFuture<ChildImage>> asked = null;
    List<LoopImage.ExecutionImage> executions = loop.executions();
    for (int i = 0; i < executions.size(); i++) {
      ExecutionChildren runs = children.apply(executions.get(i).key());
      if (runs == null) {
        continue;
      }
      for (ExecutionChildren.Link link : runs.running()) {
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

  private static CompletableFuture<ChildImage> ask(int execution, ExecutionChildren.Link link) {
    // A child being started is asked once it runs; one that failed to start is left out, as one that ended
    // or one still queued behind its workflow's numConcurrentRuns.
    return link.handle().handle((handle, notStarted) -> handle).thenCompose(handle -> {
      if (handle == null) {
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Snapshot> snapshot = handle instanceof LocalRun run ? run.snapshotLater()
          : CompletableFuture.supplyAsync(handle::snapshot, Thread.ofVirtual().factory()::newThread);
      return snapshot.handle((taken, error) -> {
        if (error == null && !taken.isFinished()) {
          return new ChildImage(execution, link.call(), link.workflow(), taken);
        }
        // It ended after the parent's cut (its snapshot is then its end snapshot), or it still waits
        // for a slot of its numConcurrentRuns: the re-run starts a new child.
        if (handle.isDone() || (handle instanceof LocalRun run && run.isQueued())) {
          return null;
        }
        throw error instanceof CompletionException wrapped ? wrapped : new CompletionException(error);
      });
    });
  }

  /**
   * The child runs of a resumed run's snapshot, waiting for the executions they belong to. The loop
   * re-runs the snapshot's executions with the same input events, so an execution is recognised by
   * its step and the identity of its events, which were decoded once per execution.
   */
  public static final class Resumed {
    private record Waiting(int step, List<Event> events, List<ChildImage> children) {}

    private final List<Waiting> waiting = new ArrayList<>();

    /** The children a snapshot recorded for its {@code executions}, or null when they wait for none. */
    public static Resumed of(List<LoopImage.ExecutionImage> executions, List<ChildImage> recorded) {
      if (recorded.isEmpty()) {
        return null;
      }
      Resumed resumed = new Resumed();
      for (int i = 0; i < executions.size(); i++) {
        int execution = i;
        List<ChildImage> children = recorded.stream().filter(child -> child.execution() == execution).toList();
        if (!children.isEmpty()) {
          resumed.waiting.add(new Waiting(executions.get(i).step(), executions.get(i).events(), children));
        }
      }
      return resumed;
    }

    /** Gives a starting execution its children, if it is the re-run of one that had some; each set is given once. */
    public void handTo(int step, Event[] events, ExecutionChildren into) {
      for (int i = 0; i < waiting.size(); i++) {
        Waiting candidate = waiting.get(i);
        if (candidate.step() == step && same(candidate.events(), events)) {
          waiting.remove(i);
          into.resumeFrom(candidate.children());
          return;
        }
      }
    }

    public boolean isEmpty() {
      return waiting.isEmpty();
    }

    private static boolean same(List<Event> recorded, Event[] events) {
      if (recorded.size() != events.length) {
        return false;
      }
      for (int i = 0; i < events.length; i++) {
        if (recorded.get(i) != events[i]) {
          return false;
        }
      }
      return true;
    }
  }
}
