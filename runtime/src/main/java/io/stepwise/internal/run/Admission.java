package io.stepwise.internal.run;

/**
 * A run's place under its workflow's {@code numConcurrentRuns}: waiting in the queue, holding one
 * of the slots (so its end frees it), or neither. Made only for a workflow with a limit.
 */
final class Admission {
  private final RunSlots slots;
  private volatile boolean queued = true;
  private boolean holdsSlot;

  /** A run that waits in {@code slots}' queue from now on; {@link #enter} puts it there. */
  Admission(RunSlots slots) {
    this.slots = slots;
  }

  /** Queues {@code run}; it is admitted at once when a slot is free. */
  void enter(RunDriver<?> run) {
    slots.enter(run);
  }

  /** A slot is the run's. */
  void admitted() {
    holdsSlot = true;
    queued = false;
  }

  /**
   * Takes {@code run} out of the queue.
   *
   * @return false when it was not queued: it started (or is starting)
   */
  boolean withdraw(RunDriver<?> run) {
    if (!queued || !slots.withdraw(run)) {
      return false;
    }
    queued = false;
    return true;
  }

  boolean isQueued() {
    return queued;
  }

  /** Where the run stands in the queue, for messages. */
  String description() {
    return slots.running() + " of its runs are running (numConcurrentRuns = " + slots.limit() + ") and "
        + slots.queued() + " are queued";
  }

  /** The run ended: the slot it holds, if any, goes to the oldest queued run. */
  void release() {
    if (holdsSlot) {
      holdsSlot = false;
      slots.leave();
    }
  }
}
