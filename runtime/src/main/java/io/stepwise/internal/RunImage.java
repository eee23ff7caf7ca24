package io.stepwise.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a snapshot holds of a run, as typed values: the envelope (workflow, graph hash, run
 * id, stream position), the state and store, and the loop's data. Resources are never part of it.
 *
 * @param streamPosition how many events the run had published when the image was taken
 * @param state the state, null when the workflow has none
 * @param store the store's entries, sorted by key
 * @param children the child runs the loop's executions in flight were waiting for, by execution and call
 */
public record RunImage(String workflow, String graphHash, String runId, long streamPosition, Object state,
    Map<String, Object> store, LoopImage loop, List<ChildImage> children) {
  public RunImage {
    store = Collections.unmodifiableSortedMap(new TreeMap<>(store));
    children = List.copyOf(children);
  }

  /** An image whose executions wait for no child run. */
  public RunImage(String workflow, String graphHash, String runId, long streamPosition, Object state,
      Map<String, Object> store, LoopImage loop) {
    this(workflow, graphHash, runId, streamPosition, state, store, loop, List.of());
  }
}
