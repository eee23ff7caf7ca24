package io.stepwise.processor.validation;

import static java.util.stream.Collectors.joining;

import io.stepwise.annotations.GraphCheck;
import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** {@code [Stepwise/Unreachable]}: no chain of events from the start leads to the step. */
final class UnreachableRule implements GraphRule {
  @Override
  public String id() {
    return "[Stepwise/Unreachable]";
  }

  @Override
  public List<Finding> check(EventIndex index) {
    // Without a start every step is unreachable; NoStartEvent already says so, once.
    if (!index.workflow().isComplete() || index.startDeclarations().isEmpty()) {
      return List.of();
    }
    var reached = Reachability.reachableSteps(index);
    var findings = new ArrayList<Finding>();
    for (StepModel step : Subjects.of(index, GraphCheck.UNREACHABLE)) {
      if (reached.contains(step)) {
        continue;
      }
      findings.add(finding(step.source(), "Step '" + step.name()
          + "' can never run: no path from Start reaches " + missingEvents(step)
          + ". Produce one of them from a reachable step, or add skipChecks = UNREACHABLE."));
    }
    return findings;
  }

  /** The events of the step's parameters, sorted. */
  private static String missingEvents(StepModel step) {
    var labels = new TreeSet<String>();
    for (StepParam.EventParam param : step.eventParams()) {
      if (param.accepted().isEmpty()) {
        labels.add(param.declared().label());
      } else {
        param.accepted().stream().map(EventType::label).forEach(labels::add);
      }
    }
    return labels.stream().collect(joining(", "));
  }
}
