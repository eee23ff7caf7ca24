package io.stepwise.processor.validation;

import io.stepwise.processor.model.EventIndex;
import io.stepwise.processor.model.FanInSource;
import io.stepwise.processor.model.StepModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code [Stepwise/FanIn]}: a {@code List<E>} parameter is filled with one batch per execution of
 * one fan-out, counted by the list it returned; so exactly one fan-out must lead to it, and each
 * of its elements to exactly one {@code E}.
 */
final class FanInRule implements GraphRule {
  @Override
  public String id() {
    return "[Stepwise/FanIn]";
  }

  @Override
  public List<Finding> check(EventIndex index) {
    if (!index.workflow().isComplete()) {
      return List.of();
    }
    var findings = new ArrayList<Finding>();
    for (FanInSource source : FanInSource.all(index)) {
      StepModel fanIn = source.fanIn();
      if (!fanIn.valid()) {
        continue;
      }
      String member = fanIn.eventParams().getFirst().declared().label();
      String step = "Step '" + fanIn.name() + "' collects List<" + member + ">";
      if (source.fanOuts().isEmpty()) {
        findings.add(finding(fanIn.source(), step + ", but no step returns a List whose elements lead to "
            + member + ". Return a List from the step that splits the work (the batch has one " + member
            + " per element), or take " + member + " instead of List<" + member + ">."));
      } else if (source.fanOuts().size() > 1) {
        String names = source.fanOuts().stream().map(s -> "'" + s.name() + "'").sorted()
            .collect(Collectors.joining(", "));
        findings.add(finding(fanIn.source(), step + " from more than one fan-out: " + names
            + ". Let one step return the List the batch is counted from."));
      } else if (source.problem() != null) {
        findings.add(finding(fanIn.source(), step + ", one per element of the List '"
            + source.fanOuts().getFirst().name() + "' returns, but " + source.problem() + ". Let each element lead"
            + " to exactly one " + member + " through steps that return one event each, or gather with"
            + " ctx.collectEvents instead."));
      }
    }
    return findings;
  }
}
