package io.stepwise.internal;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a snapshot holds of a run, as typed values: the envelope (workflow, graph hash, run
 * id, stream position), the state and store, and the loop's data. Resources are never part of it.
 *
 * <p>Extension point: a run's links to child workflow runs belong here, beside {@code loop}, with
 * their own section in {@code SnapshotWriter} and {@code SnapshotReader}.
 *
 * @param streamPosition how many events the run had published when the image was taken
 * @param state the state, null when the workflow has none
 * @param store the store's entries, sorted by key
 */
public record RunImage(String workflow, String graphHash, String runId, long streamPosition, Object state,
    Map<String, Object> store, LoopImage loop) {
  public RunImage {
    store = Collections.unmodifiableSortedMap(new TreeMap<>(store));
  }
}
