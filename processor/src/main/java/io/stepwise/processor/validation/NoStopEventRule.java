package io.stepwise.processor.validation;

import io.stepwise.annotations.GraphCheck;
import io.stepwise.processor.model.EventIndex;
import java.util.List;

/** {@code [Stepwise/NoStopEvent]}: a run could never finish with a result. */
final class NoStopEventRule implements GraphRule {
  @Override
  public String id() {
    return "[Stepwise/NoStopEvent]";
  }

  @Override
  public List<Finding> check(EventIndex index) {
    var workflow = index.workflow();
    // An unreadable return type might be the stop; say nothing rather than guess.
    if (!Subjects.workflowRuleApplies(index, GraphCheck.NO_STOP_EVENT)
        || !workflow.isComplete()
        || !index.stopDeclarations().isEmpty()) {
      return List.of();
    }
    return List.of(finding(workflow.source(), "Workflow '" + workflow.name()
        + "' has no step that produces a StopEvent. Return an event that implements io.stepwise.StopEvent from a step."));
  }
}
