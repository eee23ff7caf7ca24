package io.stepwise;

/**
 * The run came to rest waiting for the outside: nothing is queued, no step is at work, and every
 * step execution still in flight is blocked in {@code ctx.waitForEvent} (with or without a
 * timeout). Published on the stream only when the run was started with
 * {@link RunOptions#withIdleEvents(boolean)}, as the Python library's internal
 * {@code WorkflowIdleEvent}; never routed to steps, and never published once the run has ended.
 *
 * <p>It is published once each time the run comes to rest: after it was busy, or after an event
 * from outside reached it and left it resting (an event no step takes, or one every waiting step
 * refused). A run resumed from a snapshot taken while it rested does not announce that rest again.
 * Leaving the rest is not announced; the next event on the stream shows it.
 */
public record WorkflowIdleEvent() implements Event {}
