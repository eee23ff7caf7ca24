package io.stepwise.processor.validation;

import io.stepwise.annotations.GraphCheck;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [Stepwise/UnconsumedEvent]}: an event that would be routed nowhere. Judged per concrete
 * type: each member of a returned sealed union is a real event that would be dropped.
 */
final class UnconsumedEventRule implements GraphRule {
  @Override
  public String id() {
    return "[Stepwise/UnconsumedEvent]";
  }

  @Override
  public List<Finding> check(EventIndex index) {
    if (!index.workflow().isComplete()) {
      return List.of();
    }
    var findings = new ArrayList<Finding>();
    for (StepModel step : Subjects.of(index, GraphCheck.UNCONSUMED_EVENT)) {
      for (EventType event : Reachability.unconsumed(index, step)) {
        findings.add(finding(step.source(), "Step '" + step.name()
            + "' produces " + event.label() + ", but no step accepts it. Add a step that accepts "
            + event.label() + ", or add skipChecks = UNCONSUMED_EVENT."));
      }
    }
    return findings;
  }
}
