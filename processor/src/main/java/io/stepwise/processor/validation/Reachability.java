package io.stepwise.processor.validation;

import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventRole;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import java.util.HashSet;
import java.util.List;
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
   */
  static Set<StepModel> reachableSteps(EventIndex index) {
    var events = new HashSet<EventType>();
    index.events().stream().filter(Reachability::isExternal).forEach(events::add);
    var reached = new HashSet<StepModel>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (StepModel step : index.workflow().steps()) {
        if (!reached.contains(step) && step.eventParams().stream().allMatch(p -> filled(index, p, events))) {
          reached.add(step);
          for (EventType produced : step.produced()) {
            events.add(produced);
            index.events().stream().filter(e -> e.isAssignableTo(produced)).forEach(events::add);
          }
          changed = true;
        }
      }
    }
    return reached;
  }

  private static boolean filled(EventIndex index, StepParam.EventParam param, Set<EventType> events) {
    return param.accepted().stream().anyMatch(events::contains) || !isProducedOrExternal(index, param);
  }

  /**
   * Steps with a path to a stop or input-required event. A step that produces an event nobody
   * accepts is counted as reaching, since UnconsumedEvent already reports that event.
   */
  static Set<StepModel> stopReachingSteps(EventIndex index) {
    var reaching = new HashSet<StepModel>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (StepModel step : index.workflow().steps()) {
        if (!reaching.contains(step) && reachesStop(index, step, reaching)) {
          reaching.add(step);
          changed = true;
        }
      }
    }
    return reaching;
  }

  private static boolean reachesStop(EventIndex index, StepModel step, Set<StepModel> reaching) {
    if (!unconsumed(index, step).isEmpty()) {
      return true;
    }
    for (EventType produced : step.produced()) {
      if (isTerminal(produced)) {
        return true;
      }
      for (EventType event : index.events()) {
        if (event.isAssignableTo(produced) && index.consumers(event).stream().anyMatch(reaching::contains)) {
          return true;
        }
      }
    }
    return false;
  }
}
