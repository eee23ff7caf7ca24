package io.stepwise.processor.model;

import java.util.List;

/**
 * The events a step puts into a run, or waits for, besides those its parameters accept.
 *
 * @param declaredProduced produced types as written (return type, emits, sent static types);
 *     the stop type of the workflow is chosen among these
 * @param produced event types that flow through the graph: concrete expansions of the declared
 *     types, plus emits types that cannot be expanded
 * @param descriptorProduces what the runtime lets the step emit: concrete types and emits as given
 * @param streamed static types written with {@code writeEventToStream}; not graph edges
 * @param awaited event types the body waits for with {@code ctx.waitForEvent(X.class, ...)}:
 *     accepted from outside, never a trigger
 * @param listed for a fan-out (a step returning {@code List<E>}), the concrete types of {@code E},
 *     sorted; empty for other steps. Only these count as members of the batch a fan-in collects.
 */
public record StepRouting(
    List<EventType> declaredProduced,
    List<EventType> produced,
    List<EventType> descriptorProduces,
    List<EventType> streamed,
    List<EventType> awaited,
    List<EventType> listed) {

  public StepRouting {
    declaredProduced = List.copyOf(declaredProduced);
    produced = List.copyOf(produced);
    descriptorProduces = List.copyOf(descriptorProduces);
    streamed = List.copyOf(streamed);
    awaited = List.copyOf(awaited);
    listed = List.copyOf(listed);
  }
}
