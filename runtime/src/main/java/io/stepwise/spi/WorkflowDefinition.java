package io.stepwise.spi;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.RetryPolicy;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.graph.GraphHash;
import io.stepwise.graph.WorkflowGraph;
import java.time.Duration;
import java.util.List;

/**
 * What the processor generates for one {@code @Workflow} class ({@code Foo_Workflow}): the
 * steps, their routing, the static graph, and a dispatch that calls the step methods directly.
 * This interface is a contract with generated code: change it only together with the
 * processor's code generators.
 *
 * <p>Implementations have a public no-arg constructor and are listed in
 * {@code META-INF/services/io.stepwise.spi.WorkflowDefinition}, so tools find them with
 * {@link java.util.ServiceLoader}, never by reflection.
 *
 * @param <T> the user's workflow class
 * @param <S> the start event type
 * @param <R> the stop event type
 */
public interface WorkflowDefinition<T, S extends StartEvent, R extends StopEvent> {
  /** The workflow's name ({@code @Workflow(name)}, or the simple class name). */
  String name();

  /** The user's {@code @Workflow} class. */
  Class<T> workflowType();

  /** The one start event type of the graph. */
  Class<S> startEventType();

  /** The one stop event type of the graph. */
  Class<R> stopEventType();

  /** Default run timeout from {@code @Workflow(timeout)}; {@link Duration#ZERO} means none. */
  Duration timeout();

  /**
   * How many runs of one compiled workflow may run at once ({@code @Workflow(numConcurrentRuns)});
   * 0, the default, for no limit. The processor overrides it only when the attribute is set.
   */
  default int numConcurrentRuns() {
    return 0;
  }

  /** The steps, where {@code steps().get(i).index() == i}. */
  List<StepDescriptor> steps();

  /** The state type named by the steps' {@code Context<S>}, or null when no step names one. */
  default Class<?> stateType() {
    return null;
  }

  /**
   * A fresh state from the state type's no-arg constructor.
   *
   * @throws IllegalStateException when the workflow has no state type
   */
  default Object newState() {
    throw new IllegalStateException("Workflow '" + name() + "' declares no state type");
  }

  /**
   * A copy of {@code state} that an edit may change without touching the original, or null when
   * the generated code cannot copy the state type (then edits run in place).
   */
  default Object copyState(Object state) {
    return null;
  }

  /** Number of cached {@code @Provides} methods: the size of the {@link ResourceCache} each compiled workflow keeps. */
  default int cachedResources() {
    return 0;
  }

  /**
   * The retry policy of step {@code step}: the {@code RetryPolicy} its {@code @Step(retryPolicy)}
   * names, from that provider of {@code target}, else its compiled {@code @Retry}. The run asks
   * when the step fails.
   *
   * @throws Exception whatever the provider throws
   */
  default RetryPolicy retryPolicy(T target, int step, ResourceCache resources) throws Exception {
    return steps().get(step).retry();
  }

  /**
   * The fingerprint of the graph that snapshots carry ({@link GraphHash}); the processor writes it
   * as a constant, computed at compile time.
   */
  default String graphHash() {
    return GraphHash.of(steps().stream().map(StepDescriptor::hashed).toList());
  }

  /** The event graph as the processor proved it. */
  WorkflowGraph graph();

  /** The workflow's JSON codecs: its events, stream-only events and state type, by type tag. */
  CodecRegistry codecs();

  /**
   * Calls step {@code step} on {@code target}.
   *
   * @param events one event per event parameter of the step, in {@link StepDescriptor#inputs()} order
   * @param context the execution's context, passed where the step declares one
   * @param resources the cached resources of the compiled workflow, filled on first use
   * @return what the step method returned: an event, null, an {@code Optional}, a {@code List},
   *     or a {@code CompletionStage} of one of these
   * @throws Exception whatever the step throws
   */
  Object invoke(T target, int step, Event[] events, Context<?> context, ResourceCache resources) throws Exception;
}
