package io.stepwise.behaviour;

import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a cut of {@link CutFlows.CutFlow} holds, read from its snapshot JSON as a user could: which
 * steps were in flight and what they had done (sent, written, collected, waited, run a child), which
 * buffers held events, whether a wait was open. Failures are grouped by these kinds.
 */
final class CutKinds {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CutKinds() {}

  static Set<String> of(String snapshotJson) {
    JsonNode snapshot = JSON.readTree(snapshotJson);
    Set<String> kinds = new TreeSet<>();
    for (JsonNode execution : snapshot.get("executions")) {
      String step = execution.get("step").asString();
      if (!execution.get("retryIn").isNull()) {
        kinds.add(step + " waits to retry");
        continue;
      }
      kinds.add(step + " in flight");
      progress(step, execution.get("progress"), kinds);
      JsonNode children = execution.get("children");
      if (children != null && !children.isEmpty()) {
        kinds.add(step + " in flight with its child recorded");
      }
    }
    for (JsonNode step : snapshot.get("steps")) {
      if (!step.get("collected").isEmpty()) {
        kinds.add(step.get("step").asString() + " collect buffer holds events");
      }
      for (JsonNode slot : step.get("joins")) {
        if (!slot.isEmpty()) {
          kinds.add(step.get("step").asString() + " join buffer holds events");
        }
      }
    }
    if (!snapshot.get("waiters").isEmpty()) {
      kinds.add("a wait is open");
    }
    if (kinds.isEmpty()) {
      kinds.add("(nothing in flight or buffered)");
    }
    return kinds;
  }

  /** What an execution in flight had done that its re-run replays, from its "progress" (absent: nothing). */
  private static void progress(String step, JsonNode progress, Set<String> kinds) {
    if (progress == null) {
      return;
    }
    if (progress.get("sent").asInt() > 0) {
      kinds.add(step + " in flight had sent");
    }
    if (progress.get("written").asInt() > 0) {
      kinds.add(step + " in flight had written to the stream");
    }
    for (JsonNode answer : progress.get("collects")) {
      kinds.add(step + (answer.isNull() ? " in flight had buffered its event (set incomplete)"
          : " in flight had taken its collected set"));
    }
    for (JsonNode took : progress.get("waits")) {
      kinds.add(step + (took.isNull() ? " in flight had a wait time out" : " in flight had matched its wait"));
    }
    if (!progress.get("offered").isEmpty()) {
      kinds.add(step + " in flight had been offered events in its open wait");
    }
  }
}
