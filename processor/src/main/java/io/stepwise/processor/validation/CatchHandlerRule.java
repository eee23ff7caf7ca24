package io.stepwise.processor.validation;

import io.stepwise.processor.model.StepParam;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code [Stepwise/CatchError]}, one handler's own shape: it takes the failure and may recover at
 * least once. (Which steps handlers claim is {@link CatchErrorRule}'s matter.)
 */
public final class CatchHandlerRule implements Rule {
  private static final String STEP_FAILED_EVENT = "io.stepwise.StepFailedEvent";

  @Override
  public String id() {
    return "[Stepwise/CatchError]";
  }

  /** @param handler the handler's method name; @param params its parameters as read */
  public List<String> check(String handler, List<StepParam> params, int maxRecoveries) {
    var messages = new ArrayList<String>();
    var events = params.stream()
        .filter(StepParam.EventParam.class::isInstance)
        .map(p -> (StepParam.EventParam) p)
        .toList();
    boolean takesFailure = events.size() == 1 && !events.getFirst().batch()
        && events.getFirst().declared().canonicalName().equals(STEP_FAILED_EVENT);
    if (!events.isEmpty() && !takesFailure) {
      String taken = events.stream().map(p -> p.declared().label()).sorted().collect(Collectors.joining(", "));
      messages.add(message("Handler '" + handler + "' takes " + taken
          + " instead of StepFailedEvent. Make a StepFailedEvent its only event parameter."));
    }
    // The runtime's CatchPolicy rejects a negative count when the generated class loads; zero would
    // make a handler that never runs.
    if (maxRecoveries < 1) {
      messages.add(message("Handler '" + handler + "' has maxRecoveries = " + maxRecoveries
          + ". Set maxRecoveries to 1 or more."));
    }
    return messages;
  }
}
