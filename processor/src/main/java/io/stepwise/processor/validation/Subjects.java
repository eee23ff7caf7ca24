package io.stepwise.processor.validation;

import io.stepwise.annotations.GraphCheck;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.StepModel;
import java.util.List;

/**
 * Which steps a rule may report on: a step that failed a signature check is left out so one
 * mistake does not cascade, and skipChecks on the step or the workflow silences the rule.
 */
final class Subjects {
  private Subjects() {}

  static List<StepModel> of(EventIndex index, GraphCheck check) {
    if (index.workflow().skips(check)) {
      return List.of();
    }
    return index.workflow().steps().stream().filter(s -> s.valid() && !s.skips(check)).toList();
  }

  /** Whether a workflow-wide rule runs. */
  static boolean workflowRuleApplies(EventIndex index, GraphCheck check) {
    return !index.workflow().skips(check);
  }
}
