package io.stepwise.processor.model;

import com.palantir.javapoet.TypeName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;

/**
 * One {@code @Step} method as read from the source.
 *
 * @param index position in declaration order, also the dispatch index
 * @param source the method; only validation uses it, to place diagnostics
 * @param params every parameter in declaration order
 * @param declaredProduced produced types as written (return type, emits, sent static types);
 *     the stop type of the workflow is chosen among these
 * @param produced event types that flow through the graph: concrete expansions of the declared
 *     types, plus emits types that cannot be expanded
 * @param descriptorProduces what the runtime lets the step emit: concrete types and emits as given
 * @param streamed static types written with {@code writeEventToStream}; not graph edges
 * @param valid false when a signature check failed; the step is then never the subject of a graph rule
 * @param complete false when its inputs or outputs could not be read, so absence-rules must not run
 * @param awaited event types the body waits for with {@code ctx.waitForEvent(X.class, ...)}:
 *     accepted from outside, never a trigger
 * @param catchSpec the handler's scope when the method is a {@code @CatchError} handler, else null
 */
public record StepModel(
    int index,
    String name,
    Element source,
    List<StepParam> params,
    ReturnShape shape,
    boolean async,
    List<EventType> declaredProduced,
    List<EventType> produced,
    List<EventType> descriptorProduces,
    List<EventType> streamed,
    int workers,
    boolean acceptSubtypes,
    Duration timeout,
    RetrySpec retry,
    Set<Check> skips,
    boolean valid,
    boolean complete,
    List<EventType> awaited,
    CatchSpec catchSpec) {

  public StepModel {
    params = List.copyOf(params);
    declaredProduced = List.copyOf(declaredProduced);
    produced = List.copyOf(produced);
    descriptorProduces = List.copyOf(descriptorProduces);
    streamed = List.copyOf(streamed);
    skips = Set.copyOf(skips);
    awaited = List.copyOf(awaited);
  }

  public List<StepParam.EventParam> eventParams() {
    return params.stream()
        .filter(StepParam.EventParam.class::isInstance)
        .map(StepParam.EventParam.class::cast)
        .toList();
  }

  /** Every concrete event type any of its event parameters accepts, sorted. */
  public List<EventType> accepted() {
    var all = new TreeSet<EventType>();
    eventParams().forEach(p -> all.addAll(p.accepted()));
    return List.copyOf(all);
  }

  /** The state type its {@code Context<S>} names, or null. */
  public TypeName stateType() {
    return params.stream()
        .filter(StepParam.ContextParam.class::isInstance)
        .map(p -> ((StepParam.ContextParam) p).stateType())
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  public boolean skips(Check check) {
    return skips.contains(check);
  }

  /** A copy with its event parameters replaced (used once open types are resolved against the graph). */
  public StepModel withParams(List<StepParam> newParams) {
    return new StepModel(index, name, source, newParams, shape, async, declaredProduced, produced,
        descriptorProduces, streamed, workers, acceptSubtypes, timeout, retry, skips, valid, complete, awaited,
        catchSpec);
  }

  /** A copy marked as failing a signature check. */
  public StepModel invalid() {
    return new StepModel(index, name, source, params, shape, async, declaredProduced, produced,
        descriptorProduces, streamed, workers, acceptSubtypes, timeout, retry, skips, false, complete, awaited,
        catchSpec);
  }
}
