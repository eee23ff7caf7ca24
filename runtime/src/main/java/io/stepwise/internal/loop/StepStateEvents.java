package io.stepwise.internal.loop;

import io.stepwise.Event;
import io.stepwise.StepStateChanged;
import io.stepwise.spi.StepDescriptor;
import java.util.ArrayList;
import java.util.List;

/** The {@link StepStateChanged} events a loop publishes when a run asked for them. */
final class StepStateEvents {
  private StepStateEvents() {}

  /** An input set that waits for a free worker. */
  static Command.Publish queued(StepDescriptor step, Event[] inputs) {
    return new Command.Publish(new StepStateChanged(step.name(), StepStateChanged.Status.QUEUED, -1, 0,
        names(List.of(inputs)), List.of()));
  }

  /** An execution that started, finished or failed. */
  static Command.Publish changed(StepDescriptor step, InFlight.Execution execution, StepStateChanged.Status status,
      List<Event> outputs) {
    return new Command.Publish(new StepStateChanged(step.name(), status, execution.worker(), execution.attempt(),
        names(List.of(execution.events())), names(outputs)));
  }

  private static List<String> names(List<Event> events) {
    List<String> names = new ArrayList<>(events.size());
    events.forEach(event -> names.add(event.getClass().getSimpleName()));
    return names;
  }
}
