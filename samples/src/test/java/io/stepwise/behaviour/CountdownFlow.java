package io.stepwise.behaviour;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/**
 * A loop whose one step accepts a sealed union of the start event and its own loop event, the
 * guide's {@code StartEvent | LoopEvent}: the start type is {@code Begin}, not the union.
 */
@Workflow
public class CountdownFlow {
  public sealed interface Tick extends Event permits Begin, Again {}
  public sealed interface Outcome extends Event permits Again, Liftoff {}
  public record Begin(int from) implements StartEvent, Tick {}
  public record Again(int left, String seen) implements Tick, Outcome {}
  public record Liftoff(String seen) implements StopEvent, Outcome {}

  @Step
  Outcome count(Tick tick) {
    return switch (tick) {
      case Begin begin -> new Again(begin.from(), "start");
      case Again again when again.left() == 0 -> new Liftoff(again.seen());
      case Again again -> new Again(again.left() - 1, again.seen() + "," + again.left());
    };
  }
}
