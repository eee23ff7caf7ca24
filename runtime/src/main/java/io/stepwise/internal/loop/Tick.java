package io.stepwise.internal.loop;

import io.stepwise.Event;
import java.time.Duration;
import java.util.List;

/**
 * Something that happened to a run, fed to {@link RunLoop#reduce}. Ticks are plain immutable
 * values, so the loop can be driven and tested without threads. They are not journaled today: a
 * run survives its process through checkpoints of the loop's state (its snapshot), and an
 * execution in flight at a checkpoint carries what it did ({@link LoopImage.Progress}). Some ticks
 * hold live objects (a {@code Class}, a {@code Throwable}), so a journal of ticks would first need
 * their names instead.
 */
public sealed interface Tick {
  /** A tick a timer delivers; {@link #key()} is the key it was scheduled under. */
  sealed interface Timed extends Tick {
    long key();
  }

  /** The run starts with its start event. */
  record Started(Event start) implements Tick {}

  /** The caller sent an event into the run; {@code step} is a step index, or -1 for every step. */
  record EventPosted(Event event, int step) implements Tick {}

  /** A step execution sent an event with {@code ctx.sendEvent}; {@code step} as for {@link EventPosted}. */
  record EventSent(long execution, Event event, int step) implements Tick {}

  /** A step execution wrote an event to the stream. */
  record StreamWritten(long execution, Event event) implements Tick {}

  /** A step execution returned (or its async result completed) with these events, in order. */
  record StepReturned(long execution, List<Event> emitted) implements Tick {}

  /**
   * A step execution threw, or its async result completed exceptionally.
   *
   * @param elapsed how long the attempt ran, as the driver's clock measured it
   */
  record StepThrew(long execution, Throwable error, Duration elapsed) implements Tick {
    public StepThrew(long execution, Throwable error) {
      this(execution, error, Duration.ZERO);
    }
  }

  /** A step execution called {@code ctx.collectEvents(event, expected)} and waits for the answer. */
  record CollectRequested(long execution, Event event, List<Class<? extends Event>> expected) implements Tick {
    public CollectRequested {
      expected = List.copyOf(expected);
    }
  }

  /**
   * A step execution started {@code ctx.waitForEvent}; {@code seq} numbers its waits. The match
   * predicate stays with the step: the loop keeps only what a snapshot can hold.
   *
   * @param timeout {@link Duration#ZERO} for none
   */
  record WaitStarted(long execution, int seq, Class<? extends Event> type, Event waiterEvent, Duration timeout)
      implements Tick {}

  /** The waiting step accepted the offered {@code event}; its wait is over. */
  record WaitMatched(long execution, int seq, Event event) implements Tick {}

  /**
   * The waiting step's predicate refused the event offered to its wait {@code seq}; the wait goes
   * on. Until each offer is taken or refused, the run is not at rest (see {@link IdleCheck}).
   */
  record OfferRefused(long execution, int seq) implements Tick {}

  /**
   * The driver ran every tick queued before it, after the loop asked with {@link Command.CheckIdle}:
   * if the run still rests, the loop announces it ({@link io.stepwise.WorkflowIdleEvent}). As the
   * Python library's {@code TickIdleCheck}, it waits behind ticks already queued, so a rest that
   * an event already on its way ends is not announced.
   */
  record IdleCheck() implements Tick {}

  /** A wait's timeout expired; {@code key} is the timer key the loop gave it. */
  record WaitTimedOut(long key, long execution, int seq) implements Timed {}

  /** The per-step timeout of an execution expired. */
  record StepTimedOut(long execution) implements Timed {
    @Override
    public long key() {
      return execution;
    }
  }

  /** The delay before retrying an execution has passed. */
  record RetryDue(long execution) implements Timed {
    @Override
    public long key() {
      return execution;
    }
  }

  /** The run timeout expired. */
  record RunTimedOut() implements Timed {
    @Override
    public long key() {
      return RunLoop.RUN_TIMER;
    }
  }

  /**
   * A run resumes from a snapshot: its buffers are refilled, its executions in flight run again
   * (at-least-once) and its retry delays are re-armed. It replaces {@link Started}.
   */
  record Resumed(LoopImage image, Duration elapsed) implements Tick {
    /** A run resumed from an image taken before it had been alive for any time. */
    public Resumed(LoopImage image) {
      this(image, Duration.ZERO);
    }
  }

  /** The caller asked for a snapshot; the loop answers with {@link Command.Captured}. */
  record SnapshotRequested(long request) implements Tick {}

  /** The caller cancelled the run. */
  record CancelRequested() implements Tick {}

  /**
   * Nothing holds the run's handler any more: once only an event from outside could move the run
   * on, it is let go, its store (if any) keeping it as it was.
   */
  record Abandoned() implements Tick {}

  /**
   * The caller asked to let the run go from memory ({@link io.stepwise.WorkflowHandler#release()}): it
   * ends at once, its store keeping it as it was, if only an event from outside could move it on;
   * otherwise nothing happens. The driver completes {@code answer} with whether it was let go.
   */
  record ReleaseRequested(java.util.concurrent.CompletableFuture<Boolean> answer) implements Tick {}

  /** The run's store saved checkpoint number {@code checkpoint} (they are numbered from 1 in order). */
  record CheckpointSaved(long checkpoint) implements Tick {}

  /**
   * The run's store could not save a checkpoint (or timed out); {@code fatal} when the run must
   * stop: its policy says so, or another process took the run over.
   */
  record SaveFailed(RuntimeException error, boolean fatal) implements Tick {}
}
