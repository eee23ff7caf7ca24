package io.stepwise.internal.loop;

import io.stepwise.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A fan-in's buffers: the batches its fan-out opened (one per execution that returned a list, as
 * large as the list), and the members that arrived, both oldest first. The oldest batch fires as
 * soon as as many members as it counts have arrived; members fill batches in arrival order.
 */
final class Batches {
  private final ArrayDeque<LoopImage.BatchImage> open = new ArrayDeque<>();
  private final ArrayDeque<LoopImage.Buffered> members = new ArrayDeque<>();

  StepState.InputSet member(Event event, int lineage) {
    members.addLast(new LoopImage.Buffered(event, lineage));
    return complete();
  }

  StepState.InputSet open(int size, int lineage) {
    open.addLast(new LoopImage.BatchImage(size, lineage));
    return complete();
  }

  /** The oldest batch with its members once they have all arrived, else null; its lineage is the longest. */
  StepState.InputSet complete() {
    LoopImage.BatchImage oldest = open.peekFirst();
    if (oldest == null || members.size() < oldest.size()) {
      return null;
    }
    open.pollFirst();
    Event[] batch = new Event[oldest.size()];
    int lineage = oldest.lineage();
    for (int i = 0; i < batch.length; i++) {
      LoopImage.Buffered member = members.pollFirst();
      batch[i] = member.event();
      lineage = Math.max(lineage, member.lineage());
    }
    return new StepState.InputSet(batch, lineage);
  }

  boolean isEmpty() {
    return open.isEmpty() && members.isEmpty();
  }

  List<LoopImage.Buffered> members() {
    return new ArrayList<>(members);
  }

  List<LoopImage.BatchImage> open() {
    return new ArrayList<>(open);
  }

  void restore(List<LoopImage.Buffered> restoredMembers, List<LoopImage.BatchImage> restoredOpen) {
    members.addAll(restoredMembers);
    open.addAll(restoredOpen);
  }

  void clear() {
    open.clear();
    members.clear();
  }
}
