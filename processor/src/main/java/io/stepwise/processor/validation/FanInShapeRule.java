package io.stepwise.processor.validation;

import io.stepwise.processor.model.StepParam;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code [Stepwise/FanIn]}, one step's own shape: a fan-in's batch is its whole input, so no join
 * beside it and no subtypes the count could not foresee. (Where its batches come from is
 * {@link FanInRule}'s matter.)
 */
public final class FanInShapeRule implements Rule {
  @Override
  public String id() {
    return "[Stepwise/FanIn]";
  }

  /** @param step {@code Step 'x'}; @param params the step's parameters as read */
  public List<String> check(String step, List<StepParam> params, boolean acceptSubtypes) {
    var events = params.stream().filter(StepParam.EventParam.class::isInstance)
        .map(StepParam.EventParam.class::cast).toList();
    var batch = events.stream().filter(StepParam.EventParam::batch).findFirst();
    if (batch.isEmpty()) {
      return List.of();
    }
    String fanIn = step + " collects List<" + batch.get().declared().label() + ">";
    var messages = new ArrayList<String>();
    if (events.size() > 1) {
      messages.add(message(fanIn + " and takes other event parameters too. Make the List the step's only event"
          + " parameter, and join its result with the other events in a later step."));
    }
    if (acceptSubtypes) {
      messages.add(message(fanIn + " with acceptSubtypes = true. Collect a concrete event type or a sealed"
          + " interface, and remove acceptSubtypes."));
    }
    return messages;
  }
}
