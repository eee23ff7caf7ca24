package io.stepwise.samples.guide.looping;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.function.BooleanSupplier;

/**
 * The guide's looping pattern (section 3.2.a): step one accepts {@code StartEvent | LoopEvent}
 * and returns a {@code LoopEvent} that brings the run back to it until a good thing happens,
 * then moves on.
 */
@Workflow(timeout = "10s")
public class LoopFlow {
  /** What {@code stepOne} accepts: the start of the run, or another lap. */
  public sealed interface StepOneInput extends Event permits Begin, LoopEvent {}

  /** What {@code stepOne} produces: another lap, or the way on. */
  public sealed interface StepOneOutput extends Event permits LoopEvent, FirstEvent {}

  /** Starts a run. */
  public record Begin() implements StartEvent, StepOneInput {}

  /** Something bad happened on lap {@code lap}: back to step one. */
  public record LoopEvent(int lap, String loopOutput) implements StepOneInput, StepOneOutput {}

  /** Step one succeeded on lap {@code lap}. */
  public record FirstEvent(int lap, String firstOutput) implements StepOneOutput {}

  /** The run's result: how many laps it took. */
  public record LoopDone(String result, int laps) implements StopEvent {}

  /** Progress written to the stream on each lap. */
  public record Lap(int lap, String happened) implements Event {}

  private final BooleanSupplier goodThingHappens;

  /** A flow whose loop ends when {@code goodThingHappens} says so (a coin flip in the guide). */
  public LoopFlow(BooleanSupplier goodThingHappens) {
    this.goodThingHappens = goodThingHappens;
  }

  @Step
  StepOneOutput stepOne(StepOneInput ev, Context<?> ctx) {
    int lap = ev instanceof LoopEvent loop ? loop.lap() + 1 : 1;
    if (!goodThingHappens.getAsBoolean()) {
      ctx.writeEventToStream(new Lap(lap, "Bad thing happened"));
      return new LoopEvent(lap, "Back to step one.");
    }
    ctx.writeEventToStream(new Lap(lap, "Good thing happened"));
    return new FirstEvent(lap, "First step complete.");
  }

  @Step
  LoopDone stepTwo(FirstEvent ev) {
    return new LoopDone(ev.firstOutput(), ev.lap());
  }
}
