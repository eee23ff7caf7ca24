package io.stepwise.internal.children;

import io.stepwise.ChildEvent;
import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.RunOptions;
import io.stepwise.SnapshotException.Reason;
import io.stepwise.SnapshotException;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * The child runs one step execution has started and not yet seen end. The step's thread reads
 * each child's stream into the parent's (so a cancelled parent drops the child's later events
 * like its own), and cancelling the execution cancels every child still running.
 *
 * <p>A snapshot of the parent records, for each child here, its link and the child's own
 * snapshot (see {@link #running()} and {@link ChildSnapshots}); an execution re-run on resume
 * gets them back ({@link #resumeFrom}), and its calls resume those children instead of starting new ones.
 */
public final class ExecutionChildren {
  /**
   * A child run in flight.
   *
   * @param call which {@code runChild} call of the execution started it, from 0: a re-run of the
   *     execution makes the same calls in the same order, so a resumed run can match its children
   * @param workflow the child workflow's name
   * @param handle the child run, complete once it has been started (or has failed to start)
   */
  record Link(int call, String workflow, CompletableFuture<WorkflowHandler<?>> handle) {}

  private final Context<?> parent;
  private final BooleanSupplier cancelled;
  private final RunChildren family;
  private final RunOptions childOptions;
  private final BiConsumer<String, String> started;
  private final List<Link> running = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  // The children of a snapshot to resume, by call; set before the execution starts, each taken once.
  private volatile Map<Integer, ChildImage> resumable = Map.of();

  /**
   * @param family every child in flight of the parent's run, which this execution's children join
   *     so the run's handler can deliver events to them
   * @param childOptions the options children run with: the parent's stream buffer, so that a
   *     parent's stream that blocks holds its children back too, instead of making them drop
   * @param started told each child's workflow and run id once it started (for observers), or null
   */
  public ExecutionChildren(Context<?> parent, BooleanSupplier cancelled, RunChildren family, RunOptions childOptions,
      BiConsumer<String, String> started) {
    this.parent = parent;
    this.cancelled = cancelled;
    this.family = family;
    this.childOptions = childOptions;
    this.started = started;
  }

  /** Hands this execution the children its snapshot recorded; call before the execution starts. */
  void resumeFrom(List<ChildImage> children) {
    Map<Integer, ChildImage> byCall = new ConcurrentHashMap<>();
    children.forEach(child -> byCall.put(child.call(), child));
    resumable = byCall;
    children.forEach(child -> family.awaitResume(child.snapshot().runId(), child.workflow()));
  }

  public <S extends StartEvent, R extends StopEvent> R run(CompiledWorkflow<S, R> child, S start, String step) {
    Objects.requireNonNull(child, "child");
    Objects.requireNonNull(start, "start");
    if (cancelled.getAsBoolean()) {
      throw new WorkflowCancelledException("Step '" + step + "' of run " + parent.runId()
          + " was cancelled before it could start a child run of workflow '" + child.name() + "'");
    }
    int call = calls.getAndIncrement();
    // The link is listed before the child starts: a parent's cut taken once the child's first step
    // has begun must record that child (its snapshot waits the moment it takes to start it).
    Link link = new Link(call, child.name(), new CompletableFuture<>());
    running.add(link);
    WorkflowHandler<R> handle;
    try {
      handle = startOrResume(child, start, step, call);
    } catch (RuntimeException | Error notStarted) {
      running.remove(link);
      link.handle().completeExceptionally(notStarted);
      throw notStarted;
    }
    link.handle().complete(handle);
    family.running(handle.runId(), child.name(), handle);
    if (started != null) {
      started.accept(child.name(), handle.runId());
    }
    try {
      if (cancelled.getAsBoolean()) {
        handle.cancel(); // cancelled between the check and the add: cancelAll did not see it
      }
      handle.events().forEach(event -> parent.writeEventToStream(new ChildEvent(handle.runId(), child.name(), event)));
      return handle.result();
    } finally {
      running.remove(link);
      family.ended(handle.runId());
      handle.cancel(); // does nothing once the child ended; ends it when the reader was interrupted
    }
  }

  /** Resumes the child the snapshot recorded for this call, or starts a new one when it recorded none. */
  private <S extends StartEvent, R extends StopEvent> WorkflowHandler<R> startOrResume(CompiledWorkflow<S, R> child,
      S start, String step, int call) {
    Map<Integer, ChildImage> recorded = resumable;
    ChildImage image = recorded.isEmpty() ? null : recorded.remove(call);
    if (image == null) {
      return child.run(start, childOptions);
    }
    String runId = image.snapshot().runId();
    if (!image.workflow().equals(child.name())) {
      family.ended(runId);
      throw new SnapshotException(Reason.OTHER_WORKFLOW, "Cannot resume child run " + image.snapshot().runId()
          + " in step '" + step + "' of run " + parent.runId() + ": runChild call " + call + " of the step ran"
          + " workflow '" + image.workflow() + "' when the snapshot was taken, and now runs workflow '"
          + child.name() + "'. Make the step run its children in the order of the version that took the"
          + " snapshot, or let the run finish there before deploying the change.");
    }
    try {
      return child.resume(image.snapshot(), childOptions);
    } catch (RuntimeException notResumed) {
      family.ended(runId);
      throw notResumed;
    }
  }

  /** Cancels every child still running. */
  public void cancelAll() {
    running.forEach(link -> link.handle().thenAccept(WorkflowHandler::cancel));
  close();
  }

  /**
   * Forgets the recorded children this execution did not resume: it ended (or was cancelled)
   * without making their calls, so they will never take the events held for them.
   */
  public void close() {
    Map<Integer, ChildImage> recorded = resumable;
    if (!recorded.isEmpty()) { // Map.of() when the execution resumes nothing
      recorded.values().forEach(image -> family.ended(image.snapshot().runId()));
      recorded.clear();
    }
  }

  /** The children running now, for a snapshot of the parent. */
  List<Link> running() {
    return List.copyOf(running);
  }
}
