package io.stepwise.internal.snapshot;

import io.stepwise.Event;
import io.stepwise.internal.loop.LoopImage;
import io.stepwise.internal.loop.Routing;
import io.stepwise.spi.JsonReader;
import io.stepwise.spi.StepDescriptor;
import java.util.List;

/**
 * What decoded snapshot content must satisfy to be run by the loop: each step gets events its
 * inputs take, in the right slots, and no more executions than it has workers.
 */
final class SnapshotChecks {
  private final Routing routing;

  SnapshotChecks(Routing routing) {
    this.routing = routing;
  }

  /** One event per input of the step, each of a type that input accepts; a fan-in's batch, any number. */
  void inputs(JsonReader in, StepDescriptor step, List<Event> events) {
    if (step.inputs().getFirst().isBatch()) {
      events.forEach(event -> slot(in, step, event, 0));
      return;
    }
    if (events.size() != step.inputs().size()) {
      throw in.fail("step '" + step.name() + "' takes " + step.inputs().size() + " events, the snapshot gives it "
          + events.size());
    }
    for (int slot = 0; slot < events.size(); slot++) {
      slot(in, step, events.get(slot), slot);
    }
  }

  void slot(JsonReader in, StepDescriptor step, Event event, int slot) {
    Routing.Route route = routing.route(event.getClass(), step.index());
    boolean fits = false;
    if (route != null) {
      for (int accepted : route.slots()) {
        fits |= accepted == slot;
      }
    }
    if (!fits) {
      throw in.fail("step '" + step.name() + "' does not take " + event.getClass().getSimpleName()
          + " as its input " + slot);
    }
  }

  /** A description of the first step with more executions in flight than workers, or null. */
  String crowdedStep(List<LoopImage.ExecutionImage> executions) {
    int[] running = new int[routing.steps().size()];
    for (LoopImage.ExecutionImage execution : executions) {
      StepDescriptor step = routing.steps().get(execution.step());
      if (++running[step.index()] > step.workers()) {
        return "step '" + step.name() + "' has more executions in flight than its " + step.workers() + " workers";
      }
    }
    return null;
  }
}
