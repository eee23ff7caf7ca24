package io.stepwise.samples.guide.concurrent;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.List;
import java.util.Optional;

/**
 * The guide's {@code ConcurrentFlow} (section 2.2.c) as the guide writes it: the last step takes
 * any of the three results (a sealed union) and waits with {@code ctx.collectEvents} until all
 * three are there. {@link ConcurrentFlow} does the same with a join; the join needs no buffer
 * code, the collector also works when the number of results is known only at run time.
 */
@Workflow(timeout = "10s")
public class CollectingFlow {
  /** Starts a run with the three queries. */
  public record Begin(String queryA, String queryB, String queryC) implements StartEvent {}

  /** Work for step A. */
  public record StepAEvent(String query) implements Event {}

  /** Work for step B. */
  public record StepBEvent(String query) implements Event {}

  /** Work for step C. */
  public record StepCEvent(String query) implements Event {}

  /** Any worker's result: the guide's {@code StepACompleteEvent | StepBCompleteEvent | StepCCompleteEvent}. */
  public sealed interface StepComplete extends Event permits StepACompleteEvent, StepBCompleteEvent, StepCCompleteEvent {
    /** The query the worker handled. */
    String result();
  }

  /** Step A's result. */
  public record StepACompleteEvent(String result) implements StepComplete {}

  /** Step B's result. */
  public record StepBCompleteEvent(String result) implements StepComplete {}

  /** Step C's result. */
  public record StepCCompleteEvent(String result) implements StepComplete {}

  /** Written to the stream by the workers and the collector. */
  public record Working(String message) implements Event {}

  /** The run's result: the three results in the order the collector asked for them, C, A, B. */
  public record AllDone(List<String> results) implements StopEvent {}

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

  /** Runs once per result; only the run that completes the set returns the stop event. */
  @Step
  Optional<AllDone> stepThree(StepComplete ev, Context<?> ctx) {
    ctx.writeEventToStream(new Working("Received event " + ev.result()));
    return ctx.collectEvents(ev, List.of(StepCCompleteEvent.class, StepACompleteEvent.class, StepBCompleteEvent.class))
        .map(all -> new AllDone(all.stream().map(e -> ((StepComplete) e).result()).toList()));
  }
}
