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
 * @param source where diagnostics about the step go: its method, or the workflow class when the
 *     step is inherited (its place in this workflow's graph is this workflow's matter)
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
 * @param eventParams its event parameters in declaration order, derived from {@code params}
 * @param accepted every concrete event type any of its event parameters accepts, sorted, derived
 *     from {@code params}
 * @param listed for a fan-out (a step returning {@code List<E>}), the concrete types of {@code E},
 *     sorted; empty for other steps. Only these count as members of the batch a fan-in collects.
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
    CatchSpec catchSpec,
    List<StepParam.EventParam> eventParams,
    List<EventType> accepted,
    List<EventType> listed) {

  /**
   * Derives {@code eventParams} and {@code accepted} once (the graph rules ask for them per step
   * and event); the values passed for them are replaced.
   */
  public StepModel {
    params = List.copyOf(params);
    eventParams = params.stream()
        .filter(StepParam.EventParam.class::isInstance)
        .map(StepParam.EventParam.class::cast)
        .toList();
    var all = new TreeSet<EventType>();
    eventParams.forEach(p -> all.addAll(p.accepted()));
    accepted = List.copyOf(all);
    declaredProduced = List.copyOf(declaredProduced);
    produced = List.copyOf(produced);
    descriptorProduces = List.copyOf(descriptorProduces);
    streamed = List.copyOf(streamed);
    skips = Set.copyOf(skips);
    awaited = List.copyOf(awaited);
    listed = List.copyOf(listed);
  }

  /** A step as read; its derived lists are computed from {@code params}. */
  public StepModel(
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
    this(index, name, source, params, shape, async, declaredProduced, produced, descriptorProduces, streamed,
        workers, acceptSubtypes, timeout, retry, skips, valid, complete, awaited, catchSpec, List.of(), List.of(),
        List.of());
  }

  /** A copy that is a fan-out of these types (see {@code listed}). */
  public StepModel withListed(List<EventType> types) {
    return new StepModel(index, name, source, params, shape, async, declaredProduced, produced,
        descriptorProduces, streamed, workers, acceptSubtypes, timeout, retry, skips, valid, complete, awaited,
        catchSpec, eventParams, accepted, types);
  }

  /** Whether the step returns {@code List<E>}: every execution opens a batch for the fan-ins it feeds. */
  public boolean isFanOut() {
    return !listed.isEmpty();
  }

  /** Whether the step's event parameter is {@code List<E>}: it fires once per complete batch. */
  public boolean isFanIn() {
    return eventParams.stream().anyMatch(StepParam.EventParam::batch);
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
        catchSpec, List.of(), List.of(), listed);
  }

  /** A copy marked as failing a signature check. */
  public StepModel invalid() {
    return new StepModel(index, name, source, params, shape, async, declaredProduced, produced,
        descriptorProduces, streamed, workers, acceptSubtypes, timeout, retry, skips, false, complete, awaited,
        catchSpec, List.of(), List.of(), listed);
  }
}
