package io.stepwise.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who produces and who accepts each event of a workflow, derived once from the model and shared
 * by the graph rules and the generators so they agree on the graph.
 */
public final class EventIndex {
  /** A declared type together with the step that declares it, for messages. */
  public record Declaration(EventType type, StepModel step) {}

  private final WorkflowModel workflow;
  private final TreeSet<EventType> events = new TreeSet<>();

  public EventIndex(WorkflowModel workflow) {
    this.workflow = workflow;
    for (StepModel step : workflow.steps()) {
      events.addAll(step.accepted());
      events.addAll(step.produced());
    }
  }

  public WorkflowModel workflow() {
    return workflow;
  }

  /** Every event type of the graph, sorted by canonical name. */
  public List<EventType> events() {
    return List.copyOf(events);
  }

  /**
   * Steps with an event parameter that accepts {@code event}, or that wait for it with
   * {@code ctx.waitForEvent}, in declaration order.
   */
  public List<StepModel> consumers(EventType event) {
    return workflow.steps().stream()
        .filter(s -> s.accepted().contains(event) || s.awaited().contains(event))
        .toList();
  }

  public boolean isConsumed(EventType event) {
    return !consumers(event).isEmpty();
  }

  /** Whether some step produces the event, directly or through an emits supertype. */
  public boolean isProduced(EventType event) {
    return workflow.steps().stream()
        .flatMap(s -> s.produced().stream())
        .anyMatch(p -> p.equals(event) || (!p.concrete() && event.isAssignableTo(p)));
  }

  /** Start event parameters: declared types of parameters that accept a start event, sorted. */
  public List<Declaration> startDeclarations() {
    var found = new ArrayList<Declaration>();
    for (StepModel step : workflow.steps()) {
      for (StepParam.EventParam p : step.eventParams()) {
        if (p.accepted().stream().anyMatch(e -> e.role() == EventRole.START)) {
          found.add(new Declaration(p.declared(), step));
        }
      }
    }
    return sorted(found);
  }

  /**
   * Produced stop types as declared, where a type already covered by another declared stop type
   * (a permitted subtype of a sealed result) does not count separately.
   */
  public List<Declaration> stopDeclarations() {
    var found = new ArrayList<Declaration>();
    for (StepModel step : workflow.steps()) {
      var declaredStops = step.declaredProduced().stream().filter(e -> e.role() == EventRole.STOP).toList();
      declaredStops.forEach(d -> found.add(new Declaration(d, step)));
      step.produced().stream()
          .filter(e -> e.role() == EventRole.STOP)
          .filter(e -> declaredStops.stream().noneMatch(e::isAssignableTo))
          .forEach(e -> found.add(new Declaration(e, step)));
    }
    var types = found.stream().map(Declaration::type).distinct().toList();
    return sorted(found.stream()
        .filter(d -> types.stream().noneMatch(t -> !t.equals(d.type()) && d.type().isAssignableTo(t)))
        .toList());
  }

  /** The one start type S, if there is exactly one. */
  public Optional<EventType> startType() {
    return single(startDeclarations());
  }

  /** The one stop type R, if there is exactly one. */
  public Optional<EventType> stopType() {
    return single(stopDeclarations());
  }

  private static Optional<EventType> single(List<Declaration> declarations) {
    var types = new TreeSet<EventType>();
    declarations.forEach(d -> types.add(d.type()));
    return types.size() == 1 ? Optional.of(types.first()) : Optional.empty();
  }

  private static List<Declaration> sorted(List<Declaration> declarations) {
    Map<String, Declaration> byKey = new TreeMap<>();
    declarations.forEach(d -> byKey.putIfAbsent(d.type().label() + " (step '" + d.step().name() + "')", d));
    return List.copyOf(byKey.values());
  }
}
