package io.stepwise.processor.validation;

import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventRole;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Forward and backward reachability over the event graph, shared by the path rules. */
final class Reachability {
  private static final String STEP_FAILED_EVENT = "io.stepwise.StepFailedEvent";

  private Reachability() {}

  /** Events that enter a run from outside the steps: the start, human responses, failures. */
  static boolean isExternal(EventType event) {
    return event.role() == EventRole.START
        || event.role() == EventRole.HUMAN_RESPONSE
        || event.canonicalName().equals(STEP_FAILED_EVENT);
  }

  /** Events that end a path: the run stops, or waits for the caller. */
  static boolean isTerminal(EventType event) {
    return event.role() == EventRole.STOP || event.role() == EventRole.INPUT_REQUIRED;
  }

  static boolean isProducedOrExternal(EventIndex index, StepParam.EventParam param) {
    return param.accepted().stream().anyMatch(e -> isExternal(e) || index.isProduced(e));
  }

  /** Concrete non-terminal events the step produces that no step accepts. */
  static List<EventType> unconsumed(EventIndex index, StepModel step) {
    return step.produced().stream()
        .filter(e -> e.concrete() && !isTerminal(e) && !index.isConsumed(e))
        .toList();
  }

  /**
   * Steps that can run. A parameter whose events nobody produces counts as filled from outside:
   * UnproducedEvent already reports it, and reporting its step as unreachable too would cascade.
   * One worklist pass: each event is reached once, and each parameter is filled once.
   */
  static Set<StepModel> reachableSteps(EventIndex index) {
    var steps = index.workflow().steps();
    // Per step, how many parameters still wait for an event; per event, the parameters it fills.
    int[] unfilled = new int[steps.size()];
    Map<EventType, List<Slot>> slots = new HashMap<>();
    for (StepModel step : steps) {
      for (StepParam.EventParam param : step.eventParams()) {
        if (!isProducedOrExternal(index, param)) {
          continue;
        }
        unfilled[step.index()]++;
        var slot = new Slot(step);
        param.accepted().forEach(e -> slots.computeIfAbsent(e, k -> new ArrayList<>()).add(slot));
      }
    }
    var reached = new HashSet<StepModel>();
    var events = new HashSet<EventType>();
    var pending = new ArrayDeque<EventType>();
    index.events().stream().filter(Reachability::isExternal).forEach(pending::add);
    for (StepModel step : steps) {
      if (unfilled[step.index()] == 0) {
        reach(index, step, reached, pending);
      }
    }
    while (!pending.isEmpty()) {
      EventType event = pending.poll();
      if (!events.add(event)) {
        continue;
      }
      for (Slot slot : slots.getOrDefault(event, List.of())) {
        if (!slot.filled) {
          slot.filled = true;
          if (--unfilled[slot.step.index()] == 0) {
            reach(index, slot.step, reached, pending);
          }
        }
      }
    }
    return reached;
  }

  /** One event parameter of a step, filled once any of its events is reached. */
  private static final class Slot {
    final StepModel step;
    boolean filled;

    Slot(StepModel step) {
      this.step = step;
    }
  }

  private static void reach(EventIndex index, StepModel step, Set<StepModel> reached, Deque<EventType> pending) {
    if (reached.add(step)) {
      step.produced().forEach(p -> pending.addAll(index.deliveredAs(p)));
    }
  }

  /**
   * Steps with a path to a stop or input-required event. A step that produces an event nobody
   * accepts is counted as reaching, since UnconsumedEvent already reports that event. One
   * reverse pass from the steps that end a path, through the producers of what each step accepts.
   */
  static Set<StepModel> stopReachingSteps(EventIndex index) {
    var reaching = new HashSet<StepModel>();
    var pending = new ArrayDeque<StepModel>();
    for (StepModel step : index.workflow().steps()) {
      if (!unconsumed(index, step).isEmpty() || step.produced().stream().anyMatch(Reachability::isTerminal)) {
        pending.add(step);
      }
    }
    while (!pending.isEmpty()) {
      StepModel step = pending.poll();
      if (!reaching.add(step)) {
        continue;
      }
      for (EventType event : step.accepted()) {
        pending.addAll(index.producers(event));
      }
      for (EventType event : step.awaited()) {
        pending.addAll(index.producers(event));
      }
    }
    return reaching;
  }
}
