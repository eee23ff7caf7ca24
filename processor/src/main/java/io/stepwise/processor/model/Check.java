package io.stepwise.processor.model;

/**
 * A graph rule that {@code skipChecks} can silence; mirrors {@code io.stepwise.annotations.GraphCheck}
 * by constant name, so the model does not depend on the annotations' class path.
 */
public enum Check {
  NO_START_EVENT,
  MULTIPLE_START_EVENTS,
  NO_STOP_EVENT,
  MULTIPLE_STOP_EVENTS,
  STOP_EVENT_CONSUMED,
  UNPRODUCED_EVENT,
  UNCONSUMED_EVENT,
  UNREACHABLE,
  DEAD_END
}
