package io.stepwise.processor.validation;

import io.stepwise.annotations.GraphCheck;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [Stepwise/UnproducedEvent]}: an event parameter nothing can fill. Judged per parameter,
 * not per permitted subtype, because a sealed union is often shared with steps that produce only
 * some of its members.
 */
final class UnproducedEventRule implements GraphRule {
  @Override
  public String id() {
    return "[Stepwise/UnproducedEvent]";
  }

  @Override
  public List<Finding> check(EventIndex index) {
    if (!index.workflow().isComplete()) {
      return List.of();
    }
    var findings = new ArrayList<Finding>();
    for (StepModel step : Subjects.of(index, GraphCheck.UNPRODUCED_EVENT)) {
      for (StepParam.EventParam param : step.eventParams()) {
        if (!Reachability.isProducedOrExternal(index, param)) {
          String event = param.accepted().size() == 1
              ? param.accepted().getFirst().label()
              : param.declared().label();
          findings.add(finding(step.source(), "Step '" + step.name()
              + "' accepts " + event + ", but no step produces it. Return or send " + event
              + " from a step, or add skipChecks = UNPRODUCED_EVENT."));
        }
      }
    }
    return findings;
  }
}
