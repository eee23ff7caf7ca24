package io.stepwise;

import io.stepwise.graph.WorkflowGraph;
import io.stepwise.spi.WorkflowDefinition;
import java.util.Objects;

/**
 * A workflow bound to an instance of its class, ready to run. Obtain one from the generated
 * {@code Foo_Workflow.of(foo)}.
 *
 * @param <S> the start event type
 * @param <R> the stop event type
 */
public final class CompiledWorkflow<S extends StartEvent, R extends StopEvent> {
  private final WorkflowDefinition<?, S, R> definition;
  private final Object target;

  private CompiledWorkflow(WorkflowDefinition<?, S, R> definition, Object target) {
    this.definition = definition;
    this.target = target;
  }

  /** Binds a generated definition to the workflow instance whose step methods it calls. */
  public static <T, S extends StartEvent, R extends StopEvent> CompiledWorkflow<S, R> of(
      WorkflowDefinition<T, S, R> definition, T target) {
    return new CompiledWorkflow<>(
        Objects.requireNonNull(definition, "definition"), Objects.requireNonNull(target, "target"));
  }

  /** Starts a run with the workflow's default options. */
  public WorkflowHandler<R> run(S start) {
    return run(start, RunOptions.defaults());
  }

  /** Starts a run. */
  public WorkflowHandler<R> run(S start, RunOptions options) {
    throw new UnsupportedOperationException("placeholder until the run loop lands: " + target + options);
  }

  /** The static event graph. */
  public WorkflowGraph graph() {
    return definition.graph();
  }

  /** The workflow's name. */
  public String name() {
    return definition.name();
  }
}
