package io.stepwise;

/** What a run with a run store does when a checkpoint cannot be saved (see {@link RunOptions.Builder#saveFailures}). */
public enum SaveFailurePolicy {
  /**
   * The default: the run fails with the store's error, published as its {@link WorkflowFailedEvent}
   * and thrown by {@code result()}, since what it did since its last save would be lost with its
   * process.
   */
  FAIL_RUN,
  /**
   * The run goes on; the failure is logged and published on the stream as a
   * {@link CheckpointFailedEvent}. The store keeps the last checkpoint it took, so a resume may run
   * steps again. Choose it only when finishing matters more than surviving a crash.
   */
  CONTINUE
}
