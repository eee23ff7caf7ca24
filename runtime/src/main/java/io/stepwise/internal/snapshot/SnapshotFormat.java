package io.stepwise.internal.snapshot;

import io.stepwise.JsonLimits;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowJson;
import io.stepwise.spi.BoundedJson;
import tools.jackson.core.json.JsonFactory;

/** The field names of the snapshot format and the JSON factory that reads and writes it. */
final class SnapshotFormat {
  private SnapshotFormat() {}

  static final String FORMAT = "format";
  static final String WORKFLOW = "workflow";
  static final String GRAPH = "graph";
  static final String RUN_ID = "runId";
  static final String STREAM_POSITION = "streamPosition";
  /** Only in a snapshot of a run that had ended: {@code true}. */
  static final String FINISHED = "finished";
  /** The run's time alive over all its resumes, an ISO-8601 duration. */
  static final String ELAPSED = "elapsed";
  static final String STATE = "state";
  static final String STORE = "store";
  static final String STEPS = "steps";
  static final String EXECUTIONS = "executions";
  static final String WAITERS = "waiters";
  /** In an execution: the child runs it waits for, only when it has any. */
  static final String CHILDREN = "children";
  /** In a fan-in's step entry: members waiting for their batch, only when it has members or batches. */
  static final String MEMBERS = "members";
  /** In a fan-in's step entry: the batches opened and not fired yet, oldest first, each {size, lineage}. */
  static final String BATCHES = "batches";

  /** How deeply the snapshot writer lets values nest, counted from the snapshot's root. */
  static final int WRITE_DEPTH = WorkflowJson.DEFAULT_MAX_DEPTH;

  /** The factory for the default limits: built once, so its symbol tables and buffers are reused. */
  private static final JsonFactory DEFAULT = BoundedJson.factory(Snapshot.DEFAULT_LIMITS);

  /** A factory reading (and writing) within {@code limits}. */
  static JsonFactory factory(JsonLimits limits) {
    return limits.equals(Snapshot.DEFAULT_LIMITS) ? DEFAULT : BoundedJson.factory(limits);
  }

  /**
   * A factory for decoding the whole text of a snapshot whose envelope was read, which checked its
   * length against {@code limits}: any length limit at least that long reads it the same, so the
   * default factory serves whenever the other limits are the defaults.
   */
  static JsonFactory factoryFor(String json, JsonLimits limits) {
    if (limits.maxDepth() == Snapshot.DEFAULT_LIMITS.maxDepth()
        && limits.maxNumberLength() == Snapshot.DEFAULT_LIMITS.maxNumberLength()
        && json.length() <= Snapshot.DEFAULT_MAX_CHARS) {
      return DEFAULT;
    }
    return BoundedJson.factory(limits.withMaxChars(Math.max(Math.max(json.length(), 2), limits.maxChars())));
  }
}
