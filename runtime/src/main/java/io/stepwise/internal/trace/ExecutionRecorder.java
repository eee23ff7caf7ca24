package io.stepwise.internal.trace;

import io.stepwise.Event;
import io.stepwise.graph.Edge;
import io.stepwise.graph.EdgeKind;
import io.stepwise.graph.ExecutionTrace;
import io.stepwise.graph.TypeTag;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what a run does while it runs, for {@link ExecutionTrace}. Thread-safe and cheap: each
 * call is one lock-free counter increment keyed by names and classes, so step threads may call it
 * directly; event class names are resolved only in {@link #trace()}.
 */
public final class ExecutionRecorder {
  private record Route(String step, Class<?> event, EdgeKind kind) {}

  private final ConcurrentHashMap<String, LongAdder> runs = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Route, LongAdder> routes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Class<?>, LongAdder> emitted = new ConcurrentHashMap<>();
  private final Set<String> failed = ConcurrentHashMap.newKeySet();

  /** An execution of {@code step} started (retries count as executions). */
  public void stepStarted(String step) {
    increment(runs, Objects.requireNonNull(step, "step"));
  }

  /**
   * An event was emitted, once per event however many steps receive it.
   *
   * @param fromStep the step that returned or sent it, or {@code null} when it came from outside
   *     the run (the start event, or {@code handler.sendEvent})
   */
  public void eventEmitted(String fromStep, Class<? extends Event> event) {
    Objects.requireNonNull(event, "event");
    increment(emitted, event);
    if (fromStep != null) {
      increment(routes, new Route(fromStep, event, EdgeKind.PRODUCES));
    }
  }

  /**
   * An event was delivered to {@code toStep}, once per receiving step.
   *
   * @param fromStep the step that emitted it, or {@code null} when it came from outside the run
   */
  public void eventRouted(String fromStep, Class<? extends Event> event, String toStep) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(toStep, "toStep");
    increment(routes, new Route(toStep, event, EdgeKind.CONSUMES));
  }

  /** {@code step} failed for good: its retries are exhausted. */
  public void stepFailed(String step) {
    failed.add(Objects.requireNonNull(step, "step"));
  }

  /** What was recorded so far, as an immutable trace; recording may go on. */
  public ExecutionTrace trace() {
    Map<String, Long> runCounts = new HashMap<>();
    runs.forEach((step, n) -> runCounts.put(step, n.sum()));
    Map<Edge, Long> edgeCounts = new HashMap<>();
    routes.forEach((r, n) -> edgeCounts.merge(new Edge(r.kind(), r.step(), TypeTag.of(r.event())), n.sum(), Long::sum));
    Map<String, Long> emittedCounts = new HashMap<>();
    emitted.forEach((type, n) -> emittedCounts.merge(TypeTag.of(type), n.sum(), Long::sum));
    return new ExecutionTrace(runCounts, edgeCounts, emittedCounts, new HashSet<>(failed));
  }

  private static <K> void increment(ConcurrentHashMap<K, LongAdder> counters, K key) {
    LongAdder counter = counters.get(key);
    if (counter == null) {
      counter = counters.computeIfAbsent(key, k -> new LongAdder());
    }
    counter.increment();
  }
}
