package io.stepwise.crashtest;

import io.stepwise.store.RunStatus;
import io.stepwise.store.StoredRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a stored checkpoint holds, as the checks need it. An execution is <em>completed</em> in the
 * checkpoint when the run's store has its completion mark ({@link Ledger#completed}) and it is not
 * among the executions in flight: a step puts its mark just before it returns, so an execution
 * that is marked but still in flight had not returned at the cut. Child runs nested in the
 * executions count the same way, from their own snapshots.
 *
 * @param version the stored version
 * @param status the stored status
 * @param completed keys of the executions completed at the cut
 * @param inFlight keys of the executions in flight at the cut (they run again on resume)
 * @param openQuestions the numbers of the questions the run's waits were waiting for an answer to
 */
public record StoredCut(long version, RunStatus status, Set<String> completed, Set<String> inFlight,
    List<Integer> openQuestions) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Reads the stored run's snapshot. */
  public static StoredCut of(StoredRun stored) {
    JsonNode root = JSON.readTree(stored.snapshotJson());
    Set<String> completed = new TreeSet<>();
    Set<String> inFlight = new TreeSet<>();
    read(root, completed, inFlight);
    List<Integer> questions = new ArrayList<>();
    for (JsonNode waiter : root.path("waiters")) {
      questions.add(waiter.path("waiterEvent").path("n").asInt());
    }
    return new StoredCut(stored.version(), stored.status(), Set.copyOf(completed), Set.copyOf(inFlight),
        List.copyOf(questions));
  }

  private static void read(JsonNode snapshot, Set<String> completed, Set<String> inFlight) {
    String workflow = snapshot.path("workflow").asString();
    Set<String> running = new HashSet<>();
    for (JsonNode execution : snapshot.path("executions")) {
      List<String> ns = new ArrayList<>();
      for (JsonNode event : execution.path("events")) {
        ns.add(event.path("n").asString());
      }
      running.add(ExecutionKey.of(workflow, execution.path("step").asString(), ns));
      for (JsonNode child : execution.path("children")) {
        read(child.path("snapshot"), completed, inFlight);
      }
    }
    for (Map.Entry<String, JsonNode> entry : snapshot.path("store").properties()) {
      String key = entry.getKey();
      if (key.startsWith(Ledger.MARK) && !running.contains(key.substring(Ledger.MARK.length()))) {
        completed.add(key.substring(Ledger.MARK.length()));
      }
    }
    inFlight.addAll(running);
  }
}
