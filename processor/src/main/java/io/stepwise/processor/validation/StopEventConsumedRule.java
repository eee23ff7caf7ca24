package io.stepwise.processor.validation;

import io.stepwise.annotations.GraphCheck;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventRole;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import java.util.ArrayList;
import java.util.List;

/** {@code [Stepwise/StopEventConsumed]}: such a step could never run, the run ends first. */
final class StopEventConsumedRule implements GraphRule {
  @Override
  public String id() {
    return "[Stepwise/StopEventConsumed]";
  }

  @Override
  public List<Finding> check(EventIndex index) {
    var findings = new ArrayList<Finding>();
    for (StepModel step : Subjects.of(index, GraphCheck.STOP_EVENT_CONSUMED)) {
      for (EventType event : step.accepted()) {
        if (event.role() == EventRole.STOP) {
          findings.add(finding(step.source(), "Step '" + step.name()
              + "' accepts " + event.label() + ", which is a StopEvent. The first StopEvent ends the run"
              + " before any step receives it; accept an ordinary event instead."));
        }
      }
    }
    return findings;
  }
}
