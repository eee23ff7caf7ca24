package io.stepwise.processor.validation;

import io.stepwise.processor.model.EventType;
import io.stepwise.processor.model.StepModel;
import io.stepwise.processor.model.StepParam;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code [Stepwise/StepSignature]}, a join: it must tell its inputs apart, so no event may be
 * accepted by two of its parameters. Judged once subtypes are resolved against the whole graph.
 */
public final class JoinRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/StepSignature]";
  }

  public Optional<String> check(StepModel step) {
    var overlap = overlap(step.eventParams());
    return overlap == null ? Optional.empty() : Optional.of(message("Step '" + step.name()
        + "' has two event parameters that accept " + overlap.label()
        + ". Give each parameter of a join a distinct event type."));
  }

  private static EventType overlap(List<StepParam.EventParam> params) {
    var shared = new TreeSet<EventType>();
    for (int i = 0; i < params.size(); i++) {
      for (int j = i + 1; j < params.size(); j++) {
        var both = new TreeSet<>(params.get(i).accepted());
        both.retainAll(params.get(j).accepted());
        shared.addAll(both);
        if (params.get(i).declared().equals(params.get(j).declared())) {
          shared.add(params.get(i).declared());
        }
      }
    }
    return shared.isEmpty() ? null : shared.first();
  }
}
