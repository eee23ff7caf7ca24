package io.stepwise;

import java.util.List;

/**
 * A step's execution changed state; published on the stream only when the run was started with
 * {@link RunOptions#withStepStateEvents(boolean)}. Not routed to steps.
 *
 * @param step the step's name
 * @param status what happened
 * @param worker the worker slot (0 to {@code workers - 1}) holding the execution, or -1 while queued
 * @param attempt 1 for the first execution, more for retries; 0 while queued
 * @param inputs simple names of the event types the execution runs on
 * @param outputs simple names of the event types it produced; empty unless {@code FINISHED}
 */
public record StepStateChanged(
    String step, Status status, int worker, int attempt, List<String> inputs, List<String> outputs)
    implements Event {

  /** The states a step execution goes through. */
  public enum Status {
    /** Its input set is complete, but every worker is busy. */
    QUEUED,
    /** It runs on a worker. */
    RUNNING,
    /** It returned; {@link #outputs()} lists what it produced. */
    FINISHED,
    /** It threw or timed out; a retry or an error handler may follow. */
    FAILED
  }

  public StepStateChanged {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }
}
