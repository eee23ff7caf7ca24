package io.stepwise.internal.loop;

import io.stepwise.CheckpointFailedEvent;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowFailedEvent;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.WorkflowTimeoutException;
import io.stepwise.spi.StepDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** How a run ends when no step returned its stop event: the terminal event and the error to throw. */
public final class RunEnds {
  private RunEnds() {}

  static Command.Finish timedOut(String workflow, Duration timeout, List<String> active) {
    return new Command.Finish(new WorkflowTimedOutEvent(timeout, active), new WorkflowTimeoutException(
        "Workflow '" + workflow + "' timed out after " + timeout + "; active steps: " + active, timeout, active), false);
  }

  static Command.Finish cancelled(String workflow, String runId) {
    return new Command.Finish(new WorkflowCancelledEvent(), new WorkflowCancelledException(
        "Run " + runId + " of workflow '" + workflow + "' was cancelled"), false);
  }

  /** The run stops because a checkpoint was not saved; {@code result()} throws the store's error. */
  static Command.Finish saveFailed(RuntimeException error) {
    return new Command.Finish(new WorkflowFailedEvent("", error.getClass().getName(), error.getMessage()), error, false);
  }

  /** What the stream shows of a checkpoint that was not saved, when the run goes on regardless. */
  static CheckpointFailedEvent saveSkipped(RuntimeException error) {
    return new CheckpointFailedEvent(error.getClass().getName(), error.getMessage());
  }

  /**
   * The run's handler was garbage-collected while the run can only wait for events from outside,
   * which nothing can send it any more: it is let go, and its store (if any) keeps it waiting.
   */
  static Command.Finish abandoned(String workflow, String runId) {
    return new Command.Finish(new WorkflowCancelledEvent(), new WorkflowCancelledException("Run " + runId
        + " of workflow '" + workflow + "' was let go: its handler was dropped while the run waited for events"
        + " from outside, which nothing could send it any more"), true);
  }

  /**
   * The caller let the run go from memory while only an event from outside could move it on; its
   * store keeps it waiting, to be resumed by id.
   */
  static Command.Finish released(String workflow, String runId) {
    return new Command.Finish(new WorkflowCancelledEvent(), new WorkflowCancelledException("Run " + runId
        + " of workflow '" + workflow + "' was released from memory while it waited for events from outside; its run"
        + " store keeps it: resume it with resume(\"" + runId + "\", store)"), true);
  }

  /** What fails an execution whose step timeout expired. */
  public static TimeoutException stepTimedOut(StepDescriptor step) {
    return new TimeoutException("Step '" + step.name() + "' timed out after " + step.timeout());
  }
}
