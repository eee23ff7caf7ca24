package io.stepwise.internal.loop;

import io.stepwise.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
   * @param members for a fan-in, the events waiting for their batch to complete, oldest first
   * @param batches for a fan-in, the batches its fan-out opened that have not fired yet, oldest first
   */
  public record StepImage(int step, List<InputSetImage> queued, List<List<Buffered>> joins, List<Event> collected,
      List<Buffered> members, List<BatchImage> batches) {
    public StepImage {
      queued = List.copyOf(queued);
      joins = joins.stream().map(List::copyOf).toList();
      collected = List.copyOf(collected);
      members = List.copyOf(members);
      batches = List.copyOf(batches);
    }

    /** A step that is not a fan-in. */
    public StepImage(int step, List<InputSetImage> queued, List<List<Buffered>> joins, List<Event> collected) {
      this(step, queued, joins, collected, List.of(), List.of());
    }
  }

  /**
   * A batch a fan-out opened: the fan-in fires once {@code size} members have arrived.
   *
   * @param lineage the lineage of the fan-out execution that opened it
   */
  public record BatchImage(int size, int lineage) {
    public BatchImage {
      if (size < 0) {
        throw new IllegalArgumentException("a batch size is 0 or more, was " + size);
      }
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
   * @param progress what the execution had already done, which its re-run replays
   */
  public record ExecutionImage(long key, int step, List<Event> events, int attempt, int lineage, String errorType,
      String errorMessage, Duration elapsed, Duration retryIn, Progress progress) {
    public ExecutionImage {
      events = List.copyOf(events);
      progress = progress == null ? Progress.NONE : progress;
    }

    /** This image with the delay left before its retry. */
    public ExecutionImage withRetryIn(Duration remaining) {
      return new ExecutionImage(key, step, events, attempt, lineage, errorType, errorMessage, elapsed, remaining,
          progress);
    }
  }

  /**
   * What an execution in flight had already done at the cut, as the loop saw it. Its re-run after
   * a resume replays this instead of doing it again, so that every event stays in exactly one
   * place: its first {@code sent} sends and {@code written} stream writes are not delivered again,
   * its {@code collectEvents} and {@code waitForEvent} calls get the answers they got before, and
   * its open wait is offered again what was offered to it.
   *
   * @param sent how many of its {@code sendEvent} calls were delivered
   * @param written how many of its stream writes were published
   * @param collects the answers its {@code collectEvents} calls got, in call order; null for "not yet complete"
   * @param waits what its ended {@code waitForEvent} calls took, in call order; null for a wait that timed out
   * @param offered the events offered to its open wait, oldest first
   * @param openWait the canonical name of the type its open wait awaits, null when it was not waiting;
   *     the resumed run keeps events of that type for the wait until the re-run opens it again
   */
  public record Progress(int sent, int written, List<List<Event>> collects, List<Event> waits, List<Event> offered,
      String openWait) {
    /** An execution that did nothing the loop saw yet. */
    public static final Progress NONE = new Progress(0, 0, List.of(), List.of(), List.of(), null);

    /** Progress with no wait open at the cut. */
    public Progress(int sent, int written, List<List<Event>> collects, List<Event> waits, List<Event> offered) {
      this(sent, written, collects, waits, offered, null);
    }

    public Progress {
      collects = Collections.unmodifiableList(new ArrayList<>(collects)); // null entries are answers too
      waits = Collections.unmodifiableList(new ArrayList<>(waits));
      offered = List.copyOf(offered);
    }

    /** Whether there is nothing to replay. */
    public boolean isEmpty() {
      return sent == 0 && written == 0 && collects.isEmpty() && waits.isEmpty() && offered.isEmpty()
          && openWait == null;
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
