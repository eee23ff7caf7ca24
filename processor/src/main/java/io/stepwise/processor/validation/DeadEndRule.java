package io.stepwise.processor.validation;

import io.stepwise.annotations.GraphCheck;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * {@code [Stepwise/DeadEnd]}: the step emits events, but no chain of them leads to a result, so a
 * run through it can only end by timeout. A sink (a step that emits nothing: it writes to the
 * stream or has a side effect) cannot keep a run alive and is never reported. The message walks
 * one path (always the first event and step by name) so the user sees the loop.
 */
final class DeadEndRule implements GraphRule {
  @Override
  public String id() {
    return "[Stepwise/DeadEnd]";
  }

  @Override
  public List<Finding> check(EventIndex index) {
    // Without any stop every step is a dead end; NoStopEvent already says so, once.
    if (!index.workflow().isComplete() || index.stopDeclarations().isEmpty()) {
      return List.of();
    }
    var reaching = Reachability.stopReachingSteps(index);
    // An unreachable step is reported as such; a second message about it would only repeat that.
    var reachable = Reachability.reachableSteps(index);
    var findings = new ArrayList<Finding>();
    for (StepModel step : Subjects.of(index, GraphCheck.DEAD_END)) {
      if (step.produced().isEmpty() || reaching.contains(step) || !reachable.contains(step)) {
        continue;
      }
      findings.add(finding(step.source(), "Step '" + step.name()
          + "' has no path to a StopEvent: " + path(index, step)
          + ". Return a StopEvent from '" + step.name() + "' or from a step its events reach,"
          + " or add skipChecks = DEAD_END."));
    }
    return findings;
  }

  private static String path(EventIndex index, StepModel start) {
    var param = start.eventParams().getFirst();
    EventType input = param.accepted().isEmpty() ? param.declared() : param.accepted().getFirst();
    var path = new StringBuilder(input.label());
    var seenEvents = new HashSet<EventType>();
    seenEvents.add(input);
    var seenSteps = new HashSet<StepModel>();
    StepModel step = start;
    while (true) {
      path.append(" -> ").append(step.name());
      if (!seenSteps.add(step) || step.produced().isEmpty()) {
        return path.toString();
      }
      EventType event = step.produced().stream().min(Comparator.comparing(EventType::label)).orElseThrow();
      path.append(" -> ").append(event.label());
      if (!seenEvents.add(event)) {
        return path.toString();
      }
      var next = index.consumers(event).stream().min(Comparator.comparing(StepModel::name));
      if (next.isEmpty()) {
        return path.toString();
      }
      step = next.get();
    }
  }
}
