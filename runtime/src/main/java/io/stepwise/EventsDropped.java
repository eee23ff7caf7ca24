package io.stepwise;

/**
 * Stands on a run's stream where events were dropped because its reader fell behind (see
 * {@link StreamOverflow#DROP_OLDEST}): the reader missed {@code count} events here. Drops in a
 * row make one marker as long as the reader has not reached it (once read, a marker is never
 * changed, so the next drop makes a new one). Only ever on the stream, never routed to steps.
 *
 * @param count how many events were dropped in this place, at least 1
 */
public record EventsDropped(long count) implements Event {
  public EventsDropped {
    if (count < 1) {
      throw new IllegalArgumentException("an EventsDropped marker counts at least 1 event, was " + count);
    }
  }
}
