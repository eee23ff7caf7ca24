package io.stepwise;

import java.util.Objects;

/**
 * An event of a child run's stream, as it appears on the parent's stream (see
 * {@link Context#runChild}). Grandchildren's events arrive wrapped twice.
 *
 * @param childRunId the child run's id
 * @param workflow the child workflow's name
 * @param event the event the child published
 */
public record ChildEvent(String childRunId, String workflow, Event event) implements Event {
  public ChildEvent {
    Objects.requireNonNull(childRunId, "childRunId");
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(event, "event");
  }
}
