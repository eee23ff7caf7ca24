package io.stepwise.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who produces and who accepts each event of a workflow, derived once from the model and shared
 * by the graph rules and the generators so they agree on the graph. Every lookup is a map access:
 * the rules probe it once per step and event, so a scan per probe would make large workflows
 * quadratic or worse.
 */
public final class EventIndex {
  /** A declared type together with the step that declares it, for messages. */
  public record Declaration(EventType type, StepModel step) {}

  private final WorkflowModel workflow;
  private final List<EventType> events;
  /** Event → steps that accept or await it, in declaration order. */
  private final Map<EventType, List<StepModel>> consumers;
  /** Produced type → the graph events a value of it may be (itself and its subtypes), sorted. */
  private final Map<EventType, List<EventType>> deliveredAs = new HashMap<>();
  /** Event → steps whose produced values may be that event, in declaration order. */
  private final Map<EventType, List<StepModel>> producers;
  /** Events produced exactly, or covered by a produced open (emits) supertype. */
  private final Set<EventType> produced = new HashSet<>();
  private final List<Declaration> startDeclarations;
  private final List<Declaration> stopDeclarations;

  public EventIndex(WorkflowModel workflow) {
    this.workflow = workflow;
    var all = new TreeSet<EventType>();
    for (StepModel step : workflow.steps()) {
      all.addAll(step.accepted());
      all.addAll(step.produced());
    }
    this.events = List.copyOf(all);
    // One pass over every event's supertypes instead of an assignability test per pair.
    Map<String, List<EventType>> subtypes = new HashMap<>();
    for (EventType event : events) {
      event.supertypes().forEach(s -> subtypes.computeIfAbsent(s, k -> new ArrayList<>()).add(event));
    }
    var consumersOf = new HashMap<EventType, Set<StepModel>>();
    var producersOf = new HashMap<EventType, Set<StepModel>>();
    for (StepModel step : workflow.steps()) {
      step.accepted().forEach(e -> consumersOf.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(step));
      step.awaited().forEach(e -> consumersOf.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(step));
      for (EventType type : step.produced()) {
        var delivered = deliveredAs.computeIfAbsent(type, t -> assignableTo(t, all, subtypes));
        delivered.forEach(e -> producersOf.computeIfAbsent(e, k -> new LinkedHashSet<>()).add(step));
        produced.add(type);
        if (!type.concrete()) {
          produced.addAll(delivered);
        }
      }
    }
    this.consumers = frozen(consumersOf);
    this.producers = frozen(producersOf);
    this.startDeclarations = readStartDeclarations();
    this.stopDeclarations = readStopDeclarations();
  }

  private static List<EventType> assignableTo(
      EventType type, Set<EventType> events, Map<String, List<EventType>> subtypes) {
    var found = new TreeSet<EventType>(subtypes.getOrDefault(type.canonicalName(), List.of()));
    if (events.contains(type)) {
      found.add(type);
    }
    return List.copyOf(found);
  }

  private static Map<EventType, List<StepModel>> frozen(Map<EventType, Set<StepModel>> steps) {
    var copy = new HashMap<EventType, List<StepModel>>();
    steps.forEach((event, set) -> copy.put(event, List.copyOf(set)));
    return copy;
  }

  public WorkflowModel workflow() {
    return workflow;
  }

  /** Every event type of the graph, sorted by canonical name. */
  public List<EventType> events() {
    return events;
  }

  /**
   * Steps with an event parameter that accepts {@code event}, or that wait for it with
   * {@code ctx.waitForEvent}, in declaration order.
   */
  public List<StepModel> consumers(EventType event) {
    return consumers.getOrDefault(event, List.of());
  }

  public boolean isConsumed(EventType event) {
    return consumers.containsKey(event);
  }

  /** Whether some step produces the event of the graph, directly or through an emits supertype. */
  public boolean isProduced(EventType event) {
    return produced.contains(event);
  }

  /**
   * The graph events a value of the produced type {@code type} may be: itself when the graph
   * has it, and every graph event assignable to it, sorted.
   */
  public List<EventType> deliveredAs(EventType type) {
    return deliveredAs.getOrDefault(type, List.of());
  }

  /** Steps that produce a type some value of which is {@code event}, in declaration order. */
  public List<StepModel> producers(EventType event) {
    return producers.getOrDefault(event, List.of());
  }

  /**
   * Start types as accepted, sorted: a parameter's declared type when it is itself a start event
   * (a sealed interface of start events), else each start event it accepts, so that a union of a
   * start event and a loop event starts the run with the start event.
   */
  public List<Declaration> startDeclarations() {
    return startDeclarations;
  }

  private List<Declaration> readStartDeclarations() {
    var found = new ArrayList<Declaration>();
    for (StepModel step : workflow.steps()) {
      for (StepParam.EventParam p : step.eventParams()) {
        if (p.declared().role() == EventRole.START) {
          found.add(new Declaration(p.declared(), step));
        } else {
          p.accepted().stream()
              .filter(e -> e.role() == EventRole.START)
              .forEach(e -> found.add(new Declaration(e, step)));
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
    return stopDeclarations;
  }

  private List<Declaration> readStopDeclarations() {
    var found = new ArrayList<Declaration>();
    for (StepModel step : workflow.steps()) {
      var declaredStops = step.routing().declaredProduced().stream().filter(e -> e.role() == EventRole.STOP).toList();
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
