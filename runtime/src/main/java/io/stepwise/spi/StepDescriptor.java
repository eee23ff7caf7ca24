package io.stepwise.spi;

import io.stepwise.Event;
import io.stepwise.graph.GraphHash;
import io.stepwise.graph.TypeTag;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step as the processor compiled it: what it accepts, what it may produce, and how it runs.
 *
 * @param index position in {@link WorkflowDefinition#steps()} and the dispatch switch
 * @param name the step method's name
 * @param inputs one entry per event parameter, in declaration order; more than one makes a join
 * @param produces every event type the step may return or send (concrete types, or the
 *     declared supertypes of {@code @Step(emits)}); anything else it emits fails the step
 * @param workers maximum concurrent executions within one run (at least 1)
 * @param acceptSubtypes route subclasses of the accepted types too
 * @param timeout per-execution timeout, {@link Duration#ZERO} for none
 * @param retry the compiled {@code @Retry}; a step that names a {@code retryPolicy} gets its policy
 *     from {@link WorkflowDefinition#retryPolicy} instead
 * @param awaited event types the step waits for with {@code ctx.waitForEvent}; they are accepted
 *     from outside but never start the step
 * @param catchPolicy what the step handles when it is a {@code @CatchError} handler, else null
 */
public record StepDescriptor(
    int index,
    String name,
    List<EventInput> inputs,
    Set<Class<? extends Event>> produces,
    int workers,
    boolean acceptSubtypes,
    Duration timeout,
    AnnotatedRetry retry,
    Set<Class<? extends Event>> awaited,
    CatchPolicy catchPolicy) {

  public StepDescriptor {
    Objects.requireNonNull(name, "name");
    inputs = List.copyOf(inputs);
    produces = Set.copyOf(produces);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("step '" + name + "' has no event input");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("step '" + name + "' needs workers >= 1, was " + workers);
    }
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retry, "retry");
    awaited = Set.copyOf(awaited);
  }

  /** A step that awaits nothing and handles no errors. */
  public StepDescriptor(int index, String name, List<EventInput> inputs, Set<Class<? extends Event>> produces,
      int workers, boolean acceptSubtypes, Duration timeout, AnnotatedRetry retry) {
    this(index, name, inputs, produces, workers, acceptSubtypes, timeout, retry, Set.of(), null);
  }

  /** This step as the graph hash sees it: its inputs, outputs and awaited events by type tag. */
  public GraphHash.Step hashed() {
    var hashedInputs = inputs.stream()
        .map(input -> new GraphHash.Input(TypeTag.of(input.declared()), tags(input.accepted()), input.fanOut()))
        .toList();
    return new GraphHash.Step(index, name, hashedInputs, tags(produces), tags(awaited));
  }

  private static List<String> tags(Set<? extends Class<?>> types) {
    return types.stream().map(TypeTag::of).toList();
  }

  /** Whether the step fires on a complete set of several events. */
  public boolean isJoin() {
    return inputs.size() > 1;
  }
}
