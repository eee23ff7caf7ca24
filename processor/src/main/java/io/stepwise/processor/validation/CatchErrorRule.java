package io.stepwise.processor.validation;

import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.StepModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code [Stepwise/CatchError]} across handlers: every step a handler names exists, no step is
 * claimed by two handlers, and there is at most one wildcard handler. (A handler's own parameter
 * is checked when the step is read.)
 */
final class CatchErrorRule implements GraphRule {
  @Override
  public String id() {
    return "[Stepwise/CatchError]";
  }

  @Override
  public List<Finding> check(EventIndex index) {
    var findings = new ArrayList<Finding>();
    var steps = index.workflow().steps();
    var names = steps.stream().map(StepModel::name).collect(Collectors.toCollection(TreeSet::new));
    Map<String, List<StepModel>> claims = new TreeMap<>();
    var wildcards = new ArrayList<StepModel>();
    for (StepModel handler : steps) {
      if (handler.catchSpec() == null) {
        continue;
      }
      if (handler.catchSpec().isWildcard()) {
        wildcards.add(handler);
      }
      for (String step : handler.catchSpec().forSteps()) {
        if (!names.contains(step)) {
          findings.add(finding(handler.source(), "Handler '" + handler.name()
              + "' names step '" + step + "' in forSteps, but the workflow has no such step. Name one of: "
              + String.join(", ", names) + "."));
        } else {
          claims.computeIfAbsent(step, s -> new ArrayList<>()).add(handler);
        }
      }
    }
    claims.forEach((step, handlers) -> {
      if (handlers.size() > 1) {
        String claimed = handlers.stream().map(h -> "'" + h.name() + "'").sorted().collect(Collectors.joining(", "));
        findings.add(finding(handlers.get(1).source(), "Step '" + step
            + "' is claimed by handlers " + claimed + ". Name '" + step + "' in the forSteps of one handler only."));
      }
    });
    if (wildcards.size() > 1) {
      String all = wildcards.stream().map(h -> "'" + h.name() + "'").sorted().collect(Collectors.joining(", "));
      findings.add(finding(wildcards.get(1).source(), "Workflow '"
          + index.workflow().name() + "' has more than one wildcard handler: " + all
          + ". Give all but one of them forSteps."));
    }
    return findings;
  }
}
