package io.stepwise.samples.guide.parallel;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/**
 * The guide's first {@code send_event} example (section 2.2.c): the start step returns nothing
 * and instead sends an event with {@code ctx.sendEvent}; the processor sees the call and counts
 * the event as produced, so the graph check still passes.
 */
@Workflow(timeout = "10s")
public class ParallelFlow {
  /** Starts a run with the query to send on. */
  public record Begin(String query) implements StartEvent {}

  /** The query, sent to step two. */
  public record StepTwoEvent(String query) implements Event {}

  /** The run's result: the query step two ran. */
  public record QueryDone(String result) implements StopEvent {}

  /** Progress written to the stream. */
  public record Running(String message) implements Event {}

  @Step
  void start(Begin ev, Context<?> ctx) {
    ctx.sendEvent(new StepTwoEvent(ev.query()));
  }

  @Step
  QueryDone stepTwo(StepTwoEvent ev, Context<?> ctx) {
    ctx.writeEventToStream(new Running("Running slow query " + ev.query()));
    return new QueryDone(ev.query());
  }
}
