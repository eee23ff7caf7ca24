package io.stepwise.processor.validation;

import io.stepwise.processor.model.EventIndex;
import java.util.List;

/** Runs every graph rule; adding a rule means writing one class and listing it here. */
public final class GraphValidator {
  private static final List<GraphRule> RULES = List.of(
      new NoStartEventRule(),
      new MultipleStartEventsRule(),
      new NoStopEventRule(),
      new MultipleStopEventsRule(),
      new StopEventConsumedRule(),
      new UnproducedEventRule(),
      new UnconsumedEventRule(),
      new UnreachableRule(),
      new DeadEndRule(),
      new CatchErrorRule(),
      new FanInRule());

  private GraphValidator() {}

  public static void validate(EventIndex index, ErrorReporter reporter) {
    for (GraphRule rule : RULES) {
      rule.check(index).forEach(reporter::report);
    }
  }
}
