package io.stepwise.samples.guide.concurrent;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.List;

/**
 * The guide's concurrent fan-out/fan-in (section 2.2.c): the start step sends three events to
 * three workers, which run in parallel, and a last step waits for all three results. The guide
 * waits with {@code ctx.collect_events}; in Stepwise the idiomatic form is a <em>join</em>, a
 * step with three event parameters that fires once one of each has arrived.
 */
@Workflow(timeout = "10s")
public class ConcurrentFlow {
  /** Starts a run with the three queries. */
  public record Begin(String queryA, String queryB, String queryC) implements StartEvent {}

  /** Work for step A. */
  public record StepAEvent(String query) implements Event {}

  /** Work for step B. */
  public record StepBEvent(String query) implements Event {}

  /** Work for step C. */
  public record StepCEvent(String query) implements Event {}

  /** Step A's result. */
  public record StepACompleteEvent(String result) implements Event {}

  /** Step B's result. */
  public record StepBCompleteEvent(String result) implements Event {}

  /** Step C's result. */
  public record StepCCompleteEvent(String result) implements Event {}

  /** The run's result: the three results, in the order C, A, B the guide collects them in. */
  public record AllDone(List<String> results) implements StopEvent {}

  /** Progress written to the stream by each worker. */
  public record Working(String message) implements Event {}

  @Step
  void start(Begin ev, Context<?> ctx) {
    ctx.sendEvent(new StepAEvent(ev.queryA()));
    ctx.sendEvent(new StepBEvent(ev.queryB()));
    ctx.sendEvent(new StepCEvent(ev.queryC()));
  }

  @Step
  StepACompleteEvent stepA(StepAEvent ev, Context<?> ctx) {
    ctx.writeEventToStream(new Working("Doing something A-ish"));
    return new StepACompleteEvent(ev.query());
  }

  @Step
  StepBCompleteEvent stepB(StepBEvent ev, Context<?> ctx) {
    ctx.writeEventToStream(new Working("Doing something B-ish"));
    return new StepBCompleteEvent(ev.query());
  }

  @Step
  StepCCompleteEvent stepC(StepCEvent ev, Context<?> ctx) {
    ctx.writeEventToStream(new Working("Doing something C-ish"));
    return new StepCCompleteEvent(ev.query());
  }

  /** A join: fires once a result from each of the three workers has arrived. */
  @Step
  AllDone stepThree(StepCCompleteEvent c, StepACompleteEvent a, StepBCompleteEvent b) {
    return new AllDone(List.of(c.result(), a.result(), b.result()));
  }
}
