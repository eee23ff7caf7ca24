package io.stepwise;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-run settings that override the workflow's compiled defaults.
 *
 * @param timeout run timeout; null keeps the workflow's {@code @Workflow(timeout)},
 *     {@link Duration#ZERO} disables it
 * @param stepStateEvents whether {@link StepStateChanged} events are published on the stream
 * @param verbose whether step starts and ends are logged at INFO (otherwise DEBUG) on the
 *     {@code System.Logger} named {@code io.stepwise}
 * @param continueFrom a finished run whose state and store this run starts from, or null
 * @param trace whether the run records an {@link io.stepwise.graph.ExecutionTrace}, read with
 *     {@link WorkflowHandler#trace()}; off by default, so an untraced run pays nothing for it
 */
public record RunOptions(
    Duration timeout, boolean stepStateEvents, boolean verbose, WorkflowHandler<?> continueFrom, boolean trace) {
  private static final RunOptions DEFAULTS = new RunOptions(null, false, false, null, false);

  public RunOptions {
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
    }
  }

  /** Options without a trace. */
  public RunOptions(Duration timeout, boolean stepStateEvents, boolean verbose, WorkflowHandler<?> continueFrom) {
    this(timeout, stepStateEvents, verbose, continueFrom, false);
  }

  /** Options with only a timeout set. */
  public RunOptions(Duration timeout) {
    this(timeout, false, false, null, false);
  }

  /** Options that change nothing. */
  public static RunOptions defaults() {
    return DEFAULTS;
  }

  /** These options with another run timeout ({@link Duration#ZERO} for none). */
  public RunOptions withTimeout(Duration timeout) {
    return new RunOptions(Objects.requireNonNull(timeout, "timeout"), stepStateEvents, verbose, continueFrom, trace);
  }

  /** These options with step state changes published on the stream, or not. */
  public RunOptions withStepStateEvents(boolean enabled) {
    return new RunOptions(timeout, enabled, verbose, continueFrom, trace);
  }

  /** These options with step starts and ends logged at INFO, or at DEBUG. */
  public RunOptions withVerbose(boolean enabled) {
    return new RunOptions(timeout, stepStateEvents, enabled, continueFrom, trace);
  }

  /**
   * These options with the run starting from the state and store of {@code previous}, a finished
   * run of the same workflow (Python's {@code run(ctx=ctx)}).
   */
  public RunOptions continueFrom(WorkflowHandler<?> previous) {
    return new RunOptions(timeout, stepStateEvents, verbose, Objects.requireNonNull(previous, "previous"), trace);
  }

  /** These options with an execution trace recorded for {@link WorkflowHandler#trace()}, or not. */
  public RunOptions withTrace(boolean enabled) {
    return new RunOptions(timeout, stepStateEvents, verbose, continueFrom, enabled);
  }
}
