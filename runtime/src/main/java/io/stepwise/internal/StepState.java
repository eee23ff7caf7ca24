package io.stepwise.internal;

import io.stepwise.Event;
import io.stepwise.spi.StepDescriptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** One step's share of a run: its busy workers, its queue of input sets, its join buffers. */
final class StepState {
  final StepDescriptor step;
  /** Executions holding a worker: running, or waiting to retry. */
  int busy;
  /** Complete input sets waiting for a free worker, oldest first. */
  final ArrayDeque<Event[]> queued = new ArrayDeque<>(0);
  /** For a join, one FIFO per input; empty otherwise. */
  final List<ArrayDeque<Event>> buffers;

  StepState(StepDescriptor step) {
    this.step = step;
    int inputs = step.inputs().size();
    this.buffers = new ArrayList<>(inputs > 1 ? inputs : 0);
    if (inputs > 1) {
      for (int i = 0; i < inputs; i++) {
        buffers.add(new ArrayDeque<>());
      }
    }
  }

  boolean hasFreeWorker() {
    return busy < step.workers();
  }

  boolean isActive() {
    return busy > 0 || !queued.isEmpty();
  }

  /**
   * Buffers one event of a join in the least filled of the slots it fits (so a join on two
   * events of one type takes them in turn), and returns a complete set once every slot has one.
   */
  Event[] join(Event event, int[] slots) {
    int best = slots[0];
    for (int i = 1; i < slots.length; i++) {
      if (buffers.get(slots[i]).size() < buffers.get(best).size()) {
        best = slots[i];
      }
    }
    buffers.get(best).addLast(event);
    for (ArrayDeque<Event> buffer : buffers) {
      if (buffer.isEmpty()) {
        return null;
      }
    }
    Event[] set = new Event[buffers.size()];
    for (int i = 0; i < set.length; i++) {
      set[i] = buffers.get(i).pollFirst();
    }
    return set;
  }

  void clear() {
    queued.clear();
    buffers.forEach(ArrayDeque::clear);
  }
}
