package io.stepwise;

import io.stepwise.store.RunStore;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Per-run settings that override the workflow's compiled defaults.
 *
 * @param timeout run timeout; null keeps the workflow's {@code @Workflow(timeout)},
 *     {@link Duration#ZERO} disables it
 * @param stepStateEvents whether {@link StepStateChanged} events are published on the stream
 * @param verbose whether step starts and ends are logged at INFO on the {@code System.Logger}
 *     named {@code io.stepwise} (also on for every run with {@code -Dstepwise.verbose=true})
 * @param continueFrom a finished run whose state and store this run starts from, or null
 * @param checkpoints gets a {@link Snapshot} after each completed step, or null for none
 * @param store keeps a checkpoint of the run after each completed step, and its final status, or
 *     null for none
 * @param trace whether the run records an {@link io.stepwise.graph.ExecutionTrace}, read with
 *     {@link WorkflowHandler#trace()}; off by default, so an untraced run pays nothing for it
 */
public record RunOptions(Duration timeout, boolean stepStateEvents, boolean verbose, WorkflowHandler<?> continueFrom,
    Consumer<Snapshot> checkpoints, RunStore store, boolean trace) {
  private static final RunOptions DEFAULTS = new RunOptions(null, false, false, null, null, null, false);

  public RunOptions {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
    }
  }

  /** Options with only a timeout set. */
  public RunOptions(Duration timeout) {
    this(timeout, false, false, null, null, null, false);
  }

  /** Options without checkpoints. */
  public RunOptions(Duration timeout, boolean stepStateEvents, boolean verbose, WorkflowHandler<?> continueFrom) {
    this(timeout, stepStateEvents, verbose, continueFrom, null, null, false);
  }

  /** Options without a run store. */
  public RunOptions(Duration timeout, boolean stepStateEvents, boolean verbose, WorkflowHandler<?> continueFrom,
      Consumer<Snapshot> checkpoints) {
    this(timeout, stepStateEvents, verbose, continueFrom, checkpoints, null, false);
  }

  /** Options without a trace. */
  public RunOptions(Duration timeout, boolean stepStateEvents, boolean verbose, WorkflowHandler<?> continueFrom,
      Consumer<Snapshot> checkpoints, RunStore store) {
    this(timeout, stepStateEvents, verbose, continueFrom, checkpoints, store, false);
  }

  /** Options that change nothing. */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /** These options with another run timeout ({@link Duration#ZERO} for none). */
  public RunOptions withTimeout(Duration timeout) {
    return new RunOptions(Objects.requireNonNull(timeout, "timeout"), stepStateEvents, verbose, continueFrom,
        checkpoints, store, trace);
  }

  /** These options with step state changes published on the stream, or not. */
  public RunOptions withStepStateEvents(boolean enabled) {
    return new RunOptions(timeout, enabled, verbose, continueFrom, checkpoints, store, trace);
  }

  /** These options with step starts and ends logged at INFO, or not logged. */
  public RunOptions withVerbose(boolean enabled) {
    return new RunOptions(timeout, stepStateEvents, enabled, continueFrom, checkpoints, store, trace);
  }

  /**
   * These options with the run starting from the state and store of {@code previous}, a finished
   * run of the same workflow (Python's {@code run(ctx=ctx)}).
   */
  public RunOptions continueFrom(WorkflowHandler<?> previous) {
    return new RunOptions(timeout, stepStateEvents, verbose, Objects.requireNonNull(previous, "previous"),
        checkpoints, store, trace);
  }

  /**
   * These options with {@code checkpoints} called with a {@link Snapshot} of the run after each
   * completed step: in order, one at a time, on a thread of its own, never inside the control
   * loop. The run's result completes only after the last checkpoint was handed over. A consumer
   * that throws is logged and the run goes on.
   */
  public RunOptions withCheckpoints(Consumer<Snapshot> checkpoints) {
    return new RunOptions(timeout, stepStateEvents, verbose, continueFrom,
        Objects.requireNonNull(checkpoints, "checkpoints"), store, trace);
  }

  /**
   * These options with the run checkpointed to {@code store} after each completed step (as
   * {@link #withCheckpoints}, beside any consumer given there), and its final status saved when it
   * ends, so that {@link CompiledWorkflow#resume(String, RunStore)} can resume it in another
   * process. A checkpoint the store refuses (another process drives the run) is logged.
   */
  public RunOptions withStore(RunStore store) {
    return new RunOptions(timeout, stepStateEvents, verbose, continueFrom, checkpoints,
        Objects.requireNonNull(store, "store"), trace);
  }

  /** These options with an execution trace recorded for {@link WorkflowHandler#trace()}, or not. */
  public RunOptions withTrace(boolean enabled) {
    return new RunOptions(timeout, stepStateEvents, verbose, continueFrom, checkpoints, store, enabled);
  }
}
