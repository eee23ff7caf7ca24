package io.stepwise.processor.model;

import io.stepwise.annotations.GraphCheck;
import com.palantir.javapoet.TypeName;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Element;

/**
 * One {@code @Step} method as read from the source: who it is, what it looks like
 * ({@link StepSignature}), what it puts into a run ({@link StepRouting}) and how it runs
 * ({@link StepSettings}). The accessors the graph rules and generators ask for most are
 * repeated here, so they read {@code step.accepted()} rather than {@code step.signature().accepted()}.
 *
 * @param index position in declaration order, also the dispatch index
 * @param source where diagnostics about the step go: its method, or the workflow class when the
 *     step is inherited (its place in this workflow's graph is this workflow's matter)
 * @param valid false when a signature check failed; the step is then never the subject of a graph rule
 * @param complete false when its inputs or outputs could not be read, so absence-rules must not run
 */
public record StepModel(
    int index,
    String name,
    Element source,
    StepSignature signature,
    StepRouting routing,
    StepSettings settings,
    boolean valid,
    boolean complete) {

  public StepModel {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(settings, "settings");
  }

  /** Every parameter in declaration order. */
  public List<StepParam> params() {
    return signature.params();
  }

  /** Its event parameters in declaration order. */
  public List<StepParam.EventParam> eventParams() {
    return signature.eventParams();
  }

  /** Every concrete event type any of its event parameters accepts, sorted. */
  public List<EventType> accepted() {
    return signature.accepted();
  }

  /** See {@link StepRouting#produced()}. */
  public List<EventType> produced() {
    return routing.produced();
  }

  /** See {@link StepRouting#descriptorProduces()}. */
  public List<EventType> descriptorProduces() {
    return routing.descriptorProduces();
  }

  /** See {@link StepRouting#awaited()}. */
  public List<EventType> awaited() {
    return routing.awaited();
  }

  public int workers() {
    return settings.workers();
  }

  public Duration timeout() {
    return settings.timeout();
  }

  public RetrySpec retry() {
    return settings.retry();
  }

  /** The handler's scope when the step is a {@code @CatchError} handler, else null. */
  public CatchSpec catchSpec() {
    return settings.catchSpec();
  }

  /** Whether the step returns {@code List<E>}: every execution opens a batch for the fan-ins it feeds. */
  public boolean isFanOut() {
    return !routing.listed().isEmpty();
  }

  /** Whether the step's event parameter is {@code List<E>}: it fires once per complete batch. */
  public boolean isFanIn() {
    return eventParams().stream().anyMatch(StepParam.EventParam::batch);
  }

  /** The state type its {@code Context<S>} names, or null. */
  public TypeName stateType() {
    return params().stream()
        .filter(StepParam.ContextParam.class::isInstance)
        .map(p -> ((StepParam.ContextParam) p).stateType())
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  public boolean skips(GraphCheck check) {
    return settings.skips().contains(check);
  }

  /** A copy with its parameters replaced (used once open types are resolved against the graph). */
  public StepModel withParams(List<StepParam> newParams) {
    return new StepModel(index, name, source, signature.withParams(newParams), routing, settings, valid, complete);
  }

  /** A copy marked as failing a signature check. */
  public StepModel invalid() {
    return new StepModel(index, name, source, signature, routing, settings, false, complete);
  }
}
