package io.stepwise.internal.loop;

import io.stepwise.Event;
import io.stepwise.spi.EventInput;
import io.stepwise.spi.StepDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which steps, and which of their inputs, accept an event class. Built once per workflow
 * definition and shared by all its runs; the answer per class is computed once and cached.
 */
public final class Routing {
  /** A step that accepts some event class, and the input slots the event may fill. */
  public record Route(int step, int[] slots) {}

  private static final Route[] NONE = new Route[0];

  private final String workflow;
  private final List<StepDescriptor> steps;
  private final Map<String, Integer> stepIndex = new HashMap<>();
  private final int[] handlers;
  /** Per step, the fan-ins whose batches its returned lists count; mostly empty. */
  private final int[][] fanIns;
  private final ClassValue<Route[]> routes =
      new ClassValue<>() {
        @Override
        protected Route[] computeValue(Class<?> type) {
          return computeRoutes(type);
        }
      };

  public Routing(String workflow, List<StepDescriptor> steps) {
    this.workflow = workflow;
    this.steps = List.copyOf(steps);
    for (StepDescriptor step : this.steps) {
      stepIndex.put(step.name(), step.index());
    }
    this.handlers = handlers(this.steps);
    this.fanIns = fanIns(this.steps);
  }

  private static int[][] fanIns(List<StepDescriptor> steps) {
    int[][] found = new int[steps.size()][];
    Arrays.fill(found, new int[0]);
    for (StepDescriptor step : steps) {
      for (EventInput input : step.inputs()) {
        if (input.isBatch()) {
          if (input.fanOut() >= steps.size()) {
            throw new IllegalArgumentException("step '" + step.name() + "' counts its batches by step #"
                + input.fanOut() + ", but the workflow has " + steps.size() + " steps");
          }
          int[] before = found[input.fanOut()];
          int[] more = Arrays.copyOf(before, before.length + 1);
          more[before.length] = step.index();
          found[input.fanOut()] = more;
        }
      }
    }
    return found;
  }

  /** The fan-ins (steps taking {@code List<E>}) whose batches step {@code step}'s returned lists count. */
  public int[] fanInsOf(int step) {
    return fanIns[step];
  }

  /** Per step, its scoped {@code @CatchError} handler, else the wildcard one (never itself), else -1. */
  private static int[] handlers(List<StepDescriptor> steps) {
    int[] found = new int[steps.size()];
    Arrays.fill(found, -1);
    int wildcard = -1;
    for (StepDescriptor handler : steps) {
      if (handler.catchPolicy() == null) {
        continue;
      }
      if (handler.catchPolicy().isWildcard()) {
        wildcard = handler.index();
      }
      for (String name : handler.catchPolicy().forSteps()) {
        for (StepDescriptor step : steps) {
          if (step.name().equals(name)) {
            found[step.index()] = handler.index();
          }
        }
      }
    }
    for (int i = 0; i < found.length; i++) {
      if (found[i] < 0 && wildcard != i) {
        found[i] = wildcard;
      }
    }
    return found;
  }

  /** The index of the error handler of step {@code step}, or -1 when none covers it. */
  public int handlerFor(int step) {
    return handlers[step];
  }

  /** Whether a value is one of the workflow's own event types: accepted, awaited or produced. */
  public boolean isOwnEvent(Object value) {
    if (!(value instanceof Event event)) {
      return false;
    }
    if (routes(event.getClass()).length > 0) {
      return true;
    }
    for (StepDescriptor step : steps) {
      if (step.awaited().contains(event.getClass()) || Produces.undeclared(step, event) == null) {
        return true;
      }
    }
    return false;
  }

  /** Whether some step waits for events of this class with {@code ctx.waitForEvent}. */
  private boolean isAwaited(Class<?> type, int onlyStep) {
    for (StepDescriptor step : steps) {
      if ((onlyStep < 0 || step.index() == onlyStep) && step.awaited().contains(type)) {
        return true;
      }
    }
    return false;
  }

  public String workflow() {
    return workflow;
  }

  public List<StepDescriptor> steps() {
    return steps;
  }

  /** Every step that accepts events of exactly this class, in step order. */
  public Route[] routes(Class<?> type) {
    return routes.get(type);
  }

  /** The route of one step for this class, or null when the step does not accept it. */
  public Route route(Class<?> type, int step) {
    for (Route route : routes(type)) {
      if (route.step() == step) {
        return route;
      }
    }
    return null;
  }

  /**
   * Checks that some step accepts the event.
   *
   * @throws IllegalArgumentException naming the types the workflow does accept
   */
  public void checkAccepted(Event event) {
    if (!accepts(event)) {
      throw new IllegalArgumentException(
          "Workflow '" + workflow + "' has no step that accepts " + event.getClass().getName()
              + "; it accepts: " + acceptedTypes());
    }
  }

  /** Whether some step accepts the event as an input or waits for it with {@code ctx.waitForEvent}. */
  public boolean accepts(Event event) {
    return routes(event.getClass()).length > 0 || isAwaited(event.getClass(), -1);
  }

  /** The simple names of the event types the workflow's steps accept or wait for, sorted; for messages. */
  public TreeSet<String> acceptedTypes() {
    TreeSet<String> accepted = new TreeSet<>();
    for (StepDescriptor step : steps) {
      for (EventInput input : step.inputs()) {
        input.accepted().forEach(type -> accepted.add(type.getSimpleName()));
      }
      step.awaited().forEach(type -> accepted.add(type.getSimpleName()));
    }
    return accepted;
  }

  /**
   * Resolves the step an event is sent to.
   *
   * @return the step's index
   * @throws IllegalArgumentException when the step does not exist or does not accept the event
   */
  public int checkTarget(Event event, String step) {
    Integer index = stepIndex.get(step);
    if (index == null) {
      throw new IllegalArgumentException(
          "Workflow '" + workflow + "' has no step '" + step + "' to send "
              + event.getClass().getName() + " to; its steps are: " + new TreeSet<>(stepIndex.keySet()));
    }
    if (route(event.getClass(), index) == null && !isAwaited(event.getClass(), index)) {
      TreeSet<String> accepting = new TreeSet<>();
      for (Route route : routes(event.getClass())) {
        accepting.add(steps.get(route.step()).name());
      }
      for (StepDescriptor awaiting : steps) {
        if (awaiting.awaited().contains(event.getClass())) {
          accepting.add(awaiting.name());
        }
      }
      throw new IllegalArgumentException(
          "Step '" + step + "' of workflow '" + workflow + "' does not accept "
              + event.getClass().getName() + "; steps that accept it: " + accepting);
    }
    return index;
  }

  private Route[] computeRoutes(Class<?> type) {
    List<Route> found = new ArrayList<>(2);
    for (StepDescriptor step : steps) {
      int[] slots = new int[step.inputs().size()];
      int count = 0;
      for (int slot = 0; slot < slots.length; slot++) {
        if (accepts(step, step.inputs().get(slot), type)) {
          slots[count++] = slot;
        }
      }
      if (count > 0) {
        found.add(new Route(step.index(), Arrays.copyOf(slots, count)));
      }
    }
    return found.isEmpty() ? NONE : found.toArray(NONE);
  }

  private static boolean accepts(StepDescriptor step, EventInput input, Class<?> type) {
    if (!step.acceptSubtypes()) {
      return input.accepted().contains(type);
    }
    for (Class<? extends Event> accepted : input.accepted()) {
      if (accepted.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }
}
