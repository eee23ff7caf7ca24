package io.stepwise.internal.snapshot;

import io.stepwise.internal.children.ChildImage;
import io.stepwise.internal.loop.LoopImage;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a snapshot holds of a run, as typed values: the envelope (workflow, graph hash, run
 * id, stream position, whether the run had finished), the state and store, the loop's data and the
 * run's time alive so far. Resources are never part of it.
 *
 * @param streamPosition how many events the run had published when the image was taken
 * @param state the state, null when the workflow has none
 * @param store the store's entries, sorted by key
 * @param children the child runs the loop's executions in flight were waiting for, by execution and call
 * @param elapsed how long the run had been alive (in memory, started) when the image was taken, over
 *     all its resumes: what its run timeout has used up
 * @param finished whether the run had ended: then the loop's data is empty, and the image is only
 *     for a new run to continue from its state and store
 */
public record RunImage(String workflow, String graphHash, String runId, long streamPosition, Object state,
    Map<String, Object> store, LoopImage loop, List<ChildImage> children, Duration elapsed, boolean finished) {
  public RunImage {
    store = Collections.unmodifiableSortedMap(new TreeMap<>(store));
    children = List.copyOf(children);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** An image of a run that had not finished and had been alive {@code elapsed}. */
  public RunImage(String workflow, String graphHash, String runId, long streamPosition, Object state,
      Map<String, Object> store, LoopImage loop, List<ChildImage> children) {
    this(workflow, graphHash, runId, streamPosition, state, store, loop, children, Duration.ZERO, false);
  }

  /** An image whose executions wait for no child run. */
  public RunImage(String workflow, String graphHash, String runId, long streamPosition, Object state,
      Map<String, Object> store, LoopImage loop) {
    this(workflow, graphHash, runId, streamPosition, state, store, loop, List.of());
  }

  /** This image with other children. */
  public RunImage withChildren(List<ChildImage> children) {
    return new RunImage(workflow, graphHash, runId, streamPosition, state, store, loop, children, elapsed, finished);
  }
}
