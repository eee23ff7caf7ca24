package io.stepwise.processor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a fan-in's batch comes from: the fan-out (a step returning {@code List<X>}) whose elements
 * lead to the fan-in's {@code E}, one {@code E} per element. The batch of one fan-out execution
 * has as many members as the list it returned, which is how the runtime knows when it is complete.
 *
 * <p>The walk follows each element type through the steps that take it, up to the fan-in; a step
 * on the way that is itself a fan-out or a fan-in starts another level and is not followed (as
 * in Python's stream levels). The count holds only when each element leads to exactly one
 * {@code E}; {@code problem} says why it would not, for {@code [Stepwise/FanIn]}.
 *
 * @param fanIn the step whose event parameter is {@code List<E>}
 * @param fanOuts every fan-out whose elements lead to the fan-in, in step order; one is right
 * @param problem why the first fan-out's count would not hold, or null
 */
public record FanInSource(StepModel fanIn, List<StepModel> fanOuts, String problem) {
  public FanInSource {
    fanOuts = List.copyOf(fanOuts);
  }

  /** The fan-out that counts the batch, when there is exactly one and its count holds. */
  public StepModel fanOut() {
    return fanOuts.size() == 1 && problem == null ? fanOuts.getFirst() : null;
  }

  /** The source of every fan-in of the workflow, in step order. */
  public static List<FanInSource> all(EventIndex index) {
    var sources = new ArrayList<FanInSource>();
    for (StepModel step : index.workflow().steps()) {
      if (step.isFanIn()) {
        sources.add(of(index, step));
      }
    }
    return sources;
  }

  static FanInSource of(EventIndex index, StepModel fanIn) {
    var fanOuts = new ArrayList<StepModel>();
    String problem = null;
    for (StepModel step : index.workflow().steps()) {
      if (step.isFanOut() && step != fanIn) {
        var level = new Level(index, step, fanIn);
        if (level.reaches()) {
          fanOuts.add(step);
          if (fanOuts.size() == 1) {
            problem = level.problem();
          }
        }
      }
    }
    return new FanInSource(fanIn, fanOuts, problem);
  }

  /** The events and steps one fan-out's elements go through on their way to the fan-in. */
  private static final class Level {
    private final EventIndex index;
    private final StepModel fanOut;
    private final StepModel fanIn;
    private final Set<EventType> members;
    private final Set<EventType> seen = new LinkedHashSet<>();
    private final Set<StepModel> steps = new LinkedHashSet<>();
    /** Events from which a member is reached: the members, and what leads to them. */
    private final Set<EventType> leading = new LinkedHashSet<>();

    Level(EventIndex index, StepModel fanOut, StepModel fanIn) {
      this.index = index;
      this.fanOut = fanOut;
      this.fanIn = fanIn;
      this.members = new HashSet<>(fanIn.accepted());
      walk();
    }

    private void walk() {
      var frontier = new ArrayDeque<>(fanOut.routing().listed());
      while (!frontier.isEmpty()) {
        EventType event = frontier.poll();
        if (!seen.add(event) || members.contains(event)) {
          continue;
        }
        for (StepModel step : takers(event)) {
          // Another fan-out or fan-in starts a level of its own; what it emits is not counted here.
          if (step != fanIn && !step.isFanOut() && !step.isFanIn() && steps.add(step)) {
            frontier.addAll(step.produced());
          }
        }
      }
      seen.stream().filter(members::contains).forEach(leading::add);
      for (boolean grew = true; grew; ) {
        grew = false;
        for (StepModel step : steps) {
          if (step.produced().stream().anyMatch(leading::contains)) {
            for (EventType input : step.accepted()) {
              grew |= seen.contains(input) && leading.add(input);
            }
          }
        }
      }
    }

    boolean reaches() {
      return seen.stream().anyMatch(members::contains);
    }

    /** Why an element might not lead to exactly one member, or null. */
    String problem() {
      String to = "'" + fanIn.name() + "'";
      for (EventType element : fanOut.routing().listed()) {
        if (!leading.contains(element)) {
          return "'" + fanOut.name() + "' may return " + element.label() + ", which does not lead to " + to;
        }
      }
      for (StepModel step : steps) {
        if (step.produced().stream().noneMatch(leading::contains)) {
          continue; // a side branch: it takes an element's events, but nothing it emits is counted
        }
        if (step.eventParams().size() > 1) {
          return "'" + step.name() + "' on the way is a join, which fires once per set, not once per element";
        }
        if (step.signature().shape() != ReturnShape.EVENT) {
          return "'" + step.name() + "' on the way may emit no event for an element (it returns "
              + (step.signature().shape() == ReturnShape.OPTIONAL ? "Optional" : "void") + ")";
        }
        for (EventType out : step.produced()) {
          if (!leading.contains(out)) {
            return "'" + step.name() + "' on the way may return " + out.label() + ", which does not lead to " + to;
          }
        }
      }
      for (EventType event : leading) {
        if (members.contains(event)) {
          continue;
        }
        var ways = new TreeSet<String>();
        for (StepModel step : takers(event)) {
          if (steps.contains(step) && step.produced().stream().anyMatch(leading::contains)) {
            ways.add("'" + step.name() + "'");
          }
        }
        if (ways.size() > 1) {
          return event.label() + " goes to " + String.join(" and ", ways) + ", which both lead to " + to;
        }
      }
      for (EventType member : members) {
        for (StepModel producer : index.producers(member)) {
          // The fan-out's own list counts; what it sends besides (or another step produces) does not.
          boolean counted = producer == fanOut ? fanOut.routing().listed().contains(member) : steps.contains(producer);
          if (!counted) {
            return "'" + producer.name() + "' produces " + member.label() + " too, outside the batch";
          }
        }
      }
      return null;
    }

    /** The steps that take the event as input (a wait does not count). */
    private List<StepModel> takers(EventType event) {
      return index.consumers(event).stream().filter(step -> step.accepted().contains(event)).toList();
    }
  }
}
