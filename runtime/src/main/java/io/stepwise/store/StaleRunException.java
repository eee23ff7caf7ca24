package io.stepwise.store;

/**
 * A checkpoint was not saved because the run changed in the store since the writer last saw it:
 * another process (or handler) is driving the same run. Nothing was overwritten.
 */
public final class StaleRunException extends RunStoreException {
  private static final long serialVersionUID = 1L;

  private final String runId;
  private final long expectedVersion;
  private final long actualVersion;

  public StaleRunException(String runId, long expectedVersion, long actualVersion) {
    super(message(runId, expectedVersion, actualVersion));
    this.runId = runId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  private static String message(String runId, long expected, long actual) {
    String found = actual == 0 ? "the store has no such run (it was deleted)"
        : "the store holds version " + actual;
    String was = expected == 0 ? "a new run" : "version " + expected;
    return "Run '" + runId + "' was not saved: the writer expected " + was + ", but " + found
        + ". Another process is driving this run; load it again and resume from the stored checkpoint"
        + " instead of overwriting it.";
  }

  /** The run that was not saved. */
  public String runId() {
    return runId;
  }

  /** The version the writer expected (0: it expected no stored run). */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The version the store holds (0: none). */
  public long actualVersion() {
    return actualVersion;
  }
}
