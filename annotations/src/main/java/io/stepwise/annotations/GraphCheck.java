package io.stepwise.annotations;

/**
 * The graph rules a workflow or a step may opt out of with {@code skipChecks}; each constant
 * matches the message id {@code [Stepwise/<Name>]} it silences.
 */
public enum GraphCheck {
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
