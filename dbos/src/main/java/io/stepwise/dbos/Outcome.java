package io.stepwise.dbos;

/**
 * How a durable run ended, as its DBOS workflow returns it and the outcomes table keeps it: the
 * status, then a newline, then the stop event's JSON (finished) or the failure's message.
 */
record Outcome(Status status, String detail) {
  /** The ways a run ends. */
  enum Status { FINISHED, FAILED, TIMED_OUT, CANCELLED }

  String encode() {
    return status.name() + '\n' + detail;
  }

  static Outcome decode(String text) {
    int newline = text.indexOf('\n');
    if (newline < 0) {
      throw new IllegalStateException("A durable run's outcome has no status line: " + text);
    }
    return new Outcome(Status.valueOf(text.substring(0, newline)), text.substring(newline + 1));
  }
}
