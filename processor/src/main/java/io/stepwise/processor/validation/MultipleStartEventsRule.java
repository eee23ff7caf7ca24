package io.stepwise.processor.validation;

import static java.util.stream.Collectors.joining;

import io.stepwise.annotations.GraphCheck;
import io.stepwise.processor.model.EventIndex;
import java.util.List;

/** {@code [Stepwise/MultipleStartEvents]}: the start type S of the definition must be one type. */
final class MultipleStartEventsRule implements GraphRule {
  @Override
  public String id() {
    return "[Stepwise/MultipleStartEvents]";
  }

  @Override
  public List<Finding> check(EventIndex index) {
    var declarations = index.startDeclarations();
    if (!Subjects.workflowRuleApplies(index, GraphCheck.MULTIPLE_START_EVENTS)
        || declarations.stream().map(EventIndex.Declaration::type).distinct().count() < 2) {
      return List.of();
    }
    String list = declarations.stream()
        .map(d -> d.type().label() + " (step '" + d.step().name() + "')")
        .collect(joining(", "));
    var workflow = index.workflow();
    return List.of(finding(workflow.source(), "Workflow '" + workflow.name()
        + "' accepts more than one StartEvent type: " + list
        + ". Accept one StartEvent type, or a sealed interface of them, in every start step."));
  }
}
