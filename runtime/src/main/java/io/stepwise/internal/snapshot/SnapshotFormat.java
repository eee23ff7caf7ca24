package io.stepwise.internal.snapshot;

import io.stepwise.Snapshot;
import io.stepwise.WorkflowJson;
import io.stepwise.internal.json.BoundedJson;
import tools.jackson.core.json.JsonFactory;

/** The field names of the snapshot format and the JSON factory that reads and writes it. */
final class SnapshotFormat {
  private SnapshotFormat() {}

  static final String FORMAT = "format";
  static final String WORKFLOW = "workflow";
  static final String GRAPH = "graph";
  static final String RUN_ID = "runId";
  static final String STREAM_POSITION = "streamPosition";
  static final String STATE = "state";
  static final String STORE = "store";
  static final String STEPS = "steps";
  static final String EXECUTIONS = "executions";
  static final String WAITERS = "waiters";
  /** In an execution: the child runs it waits for, only when it has any. */
  static final String CHILDREN = "children";

  /** The factory for texts within the default limit: built once, so its symbol tables and buffers are reused. */
  private static final JsonFactory DEFAULT = build(Snapshot.DEFAULT_MAX_CHARS);

  /**
   * A factory whose limits admit a text of {@code maxChars} characters. Callers check the whole
   * text's length against their own limit first, so any limit at least that large reads it the same.
   */
  static JsonFactory factory(int maxChars) {
    return maxChars <= Snapshot.DEFAULT_MAX_CHARS ? DEFAULT : build(maxChars);
  }

  private static JsonFactory build(int maxChars) {
    return BoundedJson.factory(maxChars, WorkflowJson.DEFAULT_MAX_DEPTH);
  }
}
