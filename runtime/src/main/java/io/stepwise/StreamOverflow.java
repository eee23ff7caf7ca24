package io.stepwise;

/**
 * What a run's event stream does when its buffer is full because nobody reads it fast enough
 * (see {@link RunOptions.Builder#streamBuffer}).
 */
public enum StreamOverflow {
  /**
   * The step writing to the stream waits until the reader catches up (the run's timeout still
   * applies). Use it when every event must reach a reader that is sure to read.
   */
  BLOCK,
  /**
   * The oldest unread event is dropped to make room, and the reader is told how many were dropped
   * by an {@link EventsDropped} event in their place. Input-required events and the terminal event
   * are never dropped. The default: a stream nobody reads never holds more than its capacity.
   */
  DROP_OLDEST
}
