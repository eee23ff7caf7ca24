package io.stepwise.internal;

import io.stepwise.ChildEvent;
import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowHandler;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The child runs one step execution has started and not yet seen end. The step's thread reads
 * each child's stream into the parent's (so a cancelled parent drops the child's later events
 * like its own), and cancelling the execution cancels every child still running.
 *
 * <p>A snapshot of the parent records, for each child here, its link and the child's own
 * snapshot; see {@link #running()}.
 */
final class ChildRuns {
  /**
   * A child run in flight.
   *
   * @param call which {@code runChild} call of the execution started it, from 0: a re-run of the
   *     execution makes the same calls in the same order, so a resumed run can match its children
   * @param workflow the child workflow's name
   * @param handle the child run
   */
  record Link(int call, String workflow, WorkflowHandler<?> handle) {}

  private final Context<?> parent;
  private final BooleanSupplier cancelled;
  private final List<Link> running = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();

  ChildRuns(Context<?> parent, BooleanSupplier cancelled) {
    this.parent = parent;
    this.cancelled = cancelled;
  }

  <S extends StartEvent, R extends StopEvent> R run(CompiledWorkflow<S, R> child, S start, String step) {
    Objects.requireNonNull(child, "child");
    Objects.requireNonNull(start, "start");
    if (cancelled.getAsBoolean()) {
      throw new WorkflowCancelledException("Step '" + step + "' of run " + parent.runId()
          + " was cancelled before it could start a child run of workflow '" + child.name() + "'");
    }
    WorkflowHandler<R> handle = child.run(start);
    Link link = new Link(calls.getAndIncrement(), child.name(), handle);
    running.add(link);
    try {
      if (cancelled.getAsBoolean()) {
        handle.cancel(); // cancelled between the check and the add: cancelAll did not see it
      }
      handle.events().forEach(event -> parent.writeEventToStream(new ChildEvent(handle.runId(), child.name(), event)));
      return handle.result();
    } finally {
      running.remove(link);
      handle.cancel(); // does nothing once the child ended; ends it when the reader was interrupted
    }
  }

  /** Cancels every child still running. */
  void cancelAll() {
    running.forEach(link -> link.handle().cancel());
  }

  /** The children running now, for a snapshot of the parent. */
  List<Link> running() {
    return List.copyOf(running);
  }
}
