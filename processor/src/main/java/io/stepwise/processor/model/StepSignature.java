package io.stepwise.processor.model;

import java.util.List;
import java.util.TreeSet;

/**
 * What a step's method looks like: its parameters and how it returns.
 *
 * @param params every parameter in declaration order
 * @param shape how the return type wraps its events
 * @param async whether the return type is a {@code CompletionStage}
 * @param eventParams its event parameters in declaration order, derived from {@code params}
 * @param accepted every concrete event type any of its event parameters accepts, sorted, derived
 *     from {@code params}
 */
public record StepSignature(
    List<StepParam> params,
    ReturnShape shape,
    boolean async,
    List<StepParam.EventParam> eventParams,
    List<EventType> accepted) {

  /**
   * Derives {@code eventParams} and {@code accepted} once (the graph rules ask for them per step
   * and event); the values passed for them are replaced.
   */
  public StepSignature {
    params = List.copyOf(params);
    eventParams = params.stream()
        .filter(StepParam.EventParam.class::isInstance)
        .map(StepParam.EventParam.class::cast)
        .toList();
    var all = new TreeSet<EventType>();
    eventParams.forEach(p -> all.addAll(p.accepted()));
    accepted = List.copyOf(all);
  }

  public StepSignature(List<StepParam> params, ReturnShape shape, boolean async) {
    this(params, shape, async, List.of(), List.of());
  }

  /** The same method with its parameters replaced (once open types are resolved against the graph). */
  public StepSignature withParams(List<StepParam> newParams) {
    return new StepSignature(newParams, shape, async);
  }
}
