package io.stepwise.server;

/** A handler's status, spelled as the Python server spells it on the wire. */
enum HandlerStatus {
  RUNNING("running"),
  COMPLETED("completed"),
  FAILED("failed"),
  CANCELLED("cancelled");

  private final String wire;

  HandlerStatus(String wire) {
    this.wire = wire;
  }

  String wire() {
    return wire;
  }

  boolean terminal() {
    return this != RUNNING;
  }

  /** The status of a wire name, or null for a name the protocol does not have. */
  static HandlerStatus ofWire(String name) {
    for (HandlerStatus status : values()) {
      if (status.wire.equals(name)) {
        return status;
      }
    }
    return null;
  }

  /** The HTTP status the handler and result routes answer with: 202 running, 200 completed, 500 otherwise. */
  int httpStatus() {
    return switch (this) {
      case RUNNING -> 202;
      case COMPLETED -> 200;
      case FAILED, CANCELLED -> 500;
    };
  }
}
