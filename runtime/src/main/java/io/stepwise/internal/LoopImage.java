package io.stepwise.internal;

import io.stepwise.Event;
import java.time.Duration;
import java.util.List;

/**
 * The control loop's data at a cut between two ticks, as an immutable value: what a snapshot holds
 * of the loop, and what {@link Tick.Resumed} restores. Steps are named by index.
 *
 * @param steps the buffers of each step that has any, in step order
 * @param executions executions in flight (running, blocked in a wait, or waiting out a retry delay)
 * @param waiters the waits of those executions, for information: re-running an execution re-creates them
 */
public record LoopImage(List<StepImage> steps, List<ExecutionImage> executions, List<WaiterImage> waiters) {
  public LoopImage {
    steps = List.copyOf(steps);
    executions = List.copyOf(executions);
    waiters = List.copyOf(waiters);
  }

  /** A loop with nothing buffered and nothing in flight. */
  public static final LoopImage EMPTY = new LoopImage(List.of(), List.of(), List.of());

  /**
   * One step's buffers.
   *
   * @param queued complete input sets waiting for a worker, oldest first
   * @param joins for a join, one list per input slot of events waiting for the other slots; else empty
   * @param collected events buffered by {@code ctx.collectEvents}, oldest first per type
   */
  public record StepImage(int step, List<InputSetImage> queued, List<List<Buffered>> joins, List<Event> collected) {
    public StepImage {
      queued = List.copyOf(queued);
      joins = joins.stream().map(List::copyOf).toList();
      collected = List.copyOf(collected);
    }
  }

  /** An input set and how many error recoveries led to it. */
  public record InputSetImage(List<Event> events, int lineage) {
    public InputSetImage {
      events = List.copyOf(events);
    }
  }

  /** One buffered join event and its lineage. */
  public record Buffered(Event event, int lineage) {}

  /**
   * One execution in flight, to run again on resume.
   *
   * @param key the loop's key for it; meaningful only within the run that took the image
   * @param errorType the class name of what failed the previous attempt, null on the first
   * @param retryIn the delay left before the next attempt, or null when the execution is running
   */
  public record ExecutionImage(long key, int step, List<Event> events, int attempt, int lineage, String errorType,
      String errorMessage, Duration elapsed, Duration retryIn) {
    public ExecutionImage {
      events = List.copyOf(events);
    }

    /** This image with the delay left before its retry. */
    public ExecutionImage withRetryIn(Duration remaining) {
      return new ExecutionImage(key, step, events, attempt, lineage, errorType, errorMessage, elapsed, remaining);
    }
  }

  /**
   * One wait of an execution in flight.
   *
   * @param type the canonical name of the awaited event type
   * @param timeout {@link Duration#ZERO} for none
   */
  public record WaiterImage(int step, String type, Event waiterEvent, Duration timeout) {}
}
