package io.stepwise.processor.validation;

import io.stepwise.annotations.GraphCheck;
import io.stepwise.processor.model.EventIndex;
import java.util.List;

/** {@code [Stepwise/NoStartEvent]}: a run could never begin. */
final class NoStartEventRule implements GraphRule {
  @Override
  public String id() {
    return "[Stepwise/NoStartEvent]";
  }

  @Override
  public List<Finding> check(EventIndex index) {
    var workflow = index.workflow();
    // An unreadable step parameter might be the start; say nothing rather than guess.
    if (!Subjects.workflowRuleApplies(index, GraphCheck.NO_START_EVENT)
        || !workflow.isComplete()
        || !index.startDeclarations().isEmpty()) {
      return List.of();
    }
    return List.of(finding(workflow.source(), "Workflow '" + workflow.name()
        + "' has no step that accepts a StartEvent. Add a step whose event parameter implements io.stepwise.StartEvent."));
  }
}
