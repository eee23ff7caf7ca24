package io.stepwise.behaviour;

import io.stepwise.Event;
import io.stepwise.behaviour.CutFlows.Progress;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a cut of {@link CutFlows.CutFlow} holds, read from its snapshot JSON as a user could: which
 * steps were in flight (and whether a worker had already written its progress, or runs a child),
 * which buffers held events, whether a wait was open. Failures are grouped by these kinds.
 */
final class CutKinds {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CutKinds() {}

  /**
   * @param published the events the run had published before the cut
   */
  static Set<String> of(String snapshotJson, List<Event> published) {
    JsonNode snapshot = JSON.readTree(snapshotJson);
    Set<String> kinds = new TreeSet<>();
    for (JsonNode execution : snapshot.get("executions")) {
      String step = execution.get("step").asString();
      if (!execution.get("retryIn").isNull()) {
        kinds.add(step + " waits to retry");
        continue;
      }
      kinds.add(step + " in flight");
      JsonNode children = execution.get("children");
      if (children != null && !children.isEmpty()) {
        kinds.add(step + " in flight with its child recorded");
      }
      if (step.equals("work")) {
        int id = execution.get("events").get(0).get("plan").get("id").asInt();
        if (published.contains(new Progress(id, execution.get("attempt").asInt()))) {
          kinds.add("work in flight had written its progress");
        }
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
}
