package io.stepwise;

/**
 * A snapshot that cannot be restored, and why ({@link #reason()}). Restoring either succeeds
 * whole or throws this before anything of the run has started.
 */
public final class SnapshotException extends JsonDecodingException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the snapshot. */
  public enum Reason {
    /** The text is not JSON, or not the shape {@link Snapshot#toJson()} writes. */
    MALFORMED,
    /** The text is longer than the limit. */
    OVERSIZED,
    /** A newer Stepwise wrote it, in a format version this one does not read. */
    NEWER_VERSION,
    /** It is a snapshot of another workflow. */
    OTHER_WORKFLOW,
    /** It is a snapshot of this workflow before its graph changed. */
    CHANGED_GRAPH,
    /** Its content does not decode with the workflow's codecs: an unknown type tag, or a rejected value. */
    INVALID_CONTENT
  }

  private final Reason reason;

  public SnapshotException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SnapshotException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** What was wrong with the snapshot. */
  public Reason reason() {
    return reason;
  }
}
