package io.stepwise.internal.stream;

import io.stepwise.Event;
import io.stepwise.InputRequiredEvent;
import java.util.ArrayDeque;

/**
 * The stream of a run with a run store, seen by its loop: a question (an input-required event, or
 * the event a {@code waitForEvent} publishes) reaches the stream only once the checkpoint that
 * holds it is saved, so a caller that reads the question and exits leaves the run stored as
 * waiting. Whatever is published after a held question waits behind it, keeping the stream's
 * order. Touched by the thread draining the loop only.
 */
public final class HeldQuestions {
  /** An event held until checkpoint {@code checkpoint} is saved. */
  private record Held(long checkpoint, Event event) {}

  private final EventStream stream;
  private final ArrayDeque<Held> held = new ArrayDeque<>();
  private boolean waitTick;
  private long nextCheckpoint;
  private boolean asked;

  public HeldQuestions(EventStream stream) {
    this.stream = stream;
  }

  /**
   * A tick is about to be reduced.
   *
   * @param waitTick whether it opens a wait, so what it publishes is the wait's question
   * @param nextCheckpoint the number the checkpoint taken after this tick will have
   */
  public void tickStarts(boolean waitTick, long nextCheckpoint) {
    this.waitTick = waitTick;
    this.nextCheckpoint = nextCheckpoint;
    this.asked = false;
  }

  /** Whether the tick published a question, so a checkpoint must follow it. */
  public boolean askedThisTick() {
    return asked;
  }

  /** Publishes {@code event}, or holds it when it is a question or something held waits before it. */
  public void publish(Event event) {
    if (waitTick || event instanceof InputRequiredEvent) {
      asked = true;
      held.addLast(new Held(nextCheckpoint, event));
    } else if (!held.isEmpty()) {
      held.addLast(new Held(held.peekLast().checkpoint(), event));
    } else {
      stream.publish(event);
    }
  }

  /** How many events are held. */
  public int held() {
    return held.size();
  }

  /** Checkpoint {@code checkpoint} was saved: what waited for it (or an earlier one) goes to the stream. */
  public void saved(long checkpoint) {
    while (!held.isEmpty() && held.peekFirst().checkpoint() <= checkpoint) {
      stream.publish(held.pollFirst().event());
    }
  }

  /** Publishes everything held: the run ended. */
  public void releaseAll() {
    while (!held.isEmpty()) {
      stream.publish(held.pollFirst().event());
    }
  }
}
