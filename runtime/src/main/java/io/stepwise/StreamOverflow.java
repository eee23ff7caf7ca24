package io.stepwise;

/**
 * What a run's event stream does when its buffer is full because nobody reads it fast enough
 * (see {@link RunOptions.Builder#streamBuffer}). The capacity counts the unread events that may be
 * dropped: input-required events (also a child run's, in a {@link ChildEvent}), the terminal event
 * and {@link EventsDropped} markers are always kept and never count. A child run started with
 * {@link Context#runChild} gets its parent's buffer and policy, so a blocked parent holds its
 * children back too.
 */
public enum StreamOverflow {
  /**
   * The step writing to the stream waits in {@link Context#writeEventToStream} until the reader
   * catches up; nothing is lost. Use it when every event must reach a reader that is sure to
   * read. A run whose stream nobody reads (its caller only waits for the result) stalls once the
   * buffer is full, until its timeout or a cancel ends it, which interrupts the waiting steps;
   * with no timeout it waits as long as its handler is reachable (once the handler is garbage, a
   * stream never taken can never be read, and the writes are dropped). Events the run publishes
   * itself (input-required events, the event a {@code waitForEvent} publishes, step state
   * changes) never wait, so they may take the buffer past its capacity; steps then wait until
   * the reader is back under it.
   */
  BLOCK,
  /**
   * The oldest unread event is dropped to make room, and an {@link EventsDropped} event stands in
   * its place, telling the reader how many it missed there (drops in a row make one marker until
   * the reader reaches it). No
   * step ever waits, and a stream nobody reads never holds more than its capacity. The default,
   * with {@link RunOptions#DEFAULT_STREAM_CAPACITY} events.
   */
  DROP_OLDEST
}
