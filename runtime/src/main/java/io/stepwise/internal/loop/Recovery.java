package io.stepwise.internal.loop;

import io.stepwise.Event;
import io.stepwise.StepFailedEvent;
import io.stepwise.WorkflowFailedEvent;
import io.stepwise.WorkflowFailedException;
import io.stepwise.spi.StepDescriptor;
import java.time.Duration;

/**
 * What follows a step execution whose retries are exhausted: its error handler recovers the
 * chain of events, one recovery further down its lineage, or, with no handler or no recoveries
 * left, the run fails. A pure decision; the run loop carries it out.
 */
final class Recovery {
  /** One of the two ways a failure ends. */
  sealed interface Outcome {}

  /** Deliver {@code failure} to step {@code handler} only, in lineage {@code lineage}. */
  record Recover(int handler, StepFailedEvent failure, int lineage) implements Outcome {}

  /** End the run with {@code event}, {@code error} being what its result throws. */
  record Fail(WorkflowFailedEvent event, WorkflowFailedException error) implements Outcome {}

  private Recovery() {}

  /**
   * @param events the failed execution's input set; the handler sees the first (none for a fan-in's empty batch)
   * @param attempts how many attempts failed
   * @param lineage recoveries the failed execution's chain of events already went through
   * @param elapsed time spent in all attempts
   */
  static Outcome after(Routing routing, StepDescriptor step, Event[] events, int attempts, int lineage,
      Throwable error, Duration elapsed) {
    int handler = routing.handlerFor(step.index());
    if (handler >= 0 && lineage < routing.steps().get(handler).catchPolicy().maxRecoveries()) {
      return new Recover(handler, new StepFailedEvent(step.name(),
          events.length == 0 ? null : events[0], error, attempts, elapsed), lineage + 1);
    }
    return new Fail(new WorkflowFailedEvent(step.name(), error.getClass().getName(), error.getMessage()),
        new WorkflowFailedException(step.name(),
            "Workflow '" + routing.workflow() + "' failed in step '" + step.name() + "': " + error, error));
  }
}
