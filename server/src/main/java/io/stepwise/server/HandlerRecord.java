package io.stepwise.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server keeps about one handler (one run started through it): the protocol's
 * {@code HandlerData}.
 *
 * @param result the stop event's envelope once the run completed, else null
 */
record HandlerRecord(
    String handlerId, String workflowName, String runId, HandlerStatus status, Instant startedAt,
    Instant updatedAt, Instant completedAt, String error, Map<String, Object> result) {

  static HandlerRecord started(String handlerId, String workflowName, Instant now) {
    return started(handlerId, workflowName, handlerId, now);
  }

  /** A handler's record for a run of its own id: a handler that continues a finished one starts another run. */
  static HandlerRecord started(String handlerId, String workflowName, String runId, Instant now) {
    return new HandlerRecord(handlerId, workflowName, runId, HandlerStatus.RUNNING, now, now, null, null, null);
  }

  HandlerRecord ended(HandlerStatus status, String error, Map<String, Object> result, Instant now) {
    return new HandlerRecord(handlerId, workflowName, runId, status, startedAt, now, now, error, result);
  }

  /** The JSON object of the protocol, fields in the Python server's order. */
  Map<String, Object> toJson() {
    var json = new LinkedHashMap<String, Object>();
    json.put("handler_id", handlerId);
    json.put("workflow_name", workflowName);
    json.put("run_id", runId);
    json.put("error", error);
    json.put("result", result);
    json.put("status", status.wire());
    json.put("started_at", startedAt.toString());
    json.put("updated_at", updatedAt == null ? null : updatedAt.toString());
    json.put("completed_at", completedAt == null ? null : completedAt.toString());
    return json;
  }
}
