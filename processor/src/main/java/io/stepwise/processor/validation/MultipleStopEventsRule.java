package io.stepwise.processor.validation;

import static java.util.stream.Collectors.joining;

import io.stepwise.annotations.GraphCheck;
import io.stepwise.processor.model.EventIndex;
import java.util.List;

/** {@code [Stepwise/MultipleStopEvents]}: the result type R of the definition must be one type. */
final class MultipleStopEventsRule implements GraphRule {
  @Override
  public String id() {
    return "[Stepwise/MultipleStopEvents]";
  }

  @Override
  public List<Finding> check(EventIndex index) {
    var declarations = index.stopDeclarations();
    if (!Subjects.workflowRuleApplies(index, GraphCheck.MULTIPLE_STOP_EVENTS)
        || declarations.stream().map(EventIndex.Declaration::type).distinct().count() < 2) {
      return List.of();
    }
    String list = declarations.stream()
        .map(d -> d.type().label() + " (step '" + d.step().name() + "')")
        .collect(joining(", "));
    var workflow = index.workflow();
    return List.of(finding(workflow.source(), "Workflow '" + workflow.name()
        + "' produces more than one StopEvent type: " + list
        + ". Produce one StopEvent type, or a sealed interface of them."));
  }
}
