package io.stepwise.internal;

import io.stepwise.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * What one execution in flight has done that the loop saw (sends, stream writes, collect
 * answers, waits), kept so that a snapshot can record it and the execution's re-run after a resume
 * can replay it: a call the execution made before the cut gets the same outcome again and has no
 * second effect. Made only for executions that do any of these, and dropped with the execution.
 *
 * <p>The re-run is assumed to make the same calls in the same order up to the cut, as replays in
 * DBOS or Temporal assume of their workflows.
 */
final class ExecutionProgress {
  private int sent;
  private int sendsSeen;
  private int written;
  private int writesSeen;
  private final List<List<Event>> collects;
  private int collectsSeen;
  private final List<Event> waits;
  /** Events offered to the open wait, oldest first. */
  private final List<Event> offered = new ArrayList<>(1);
  /** Events a snapshot recorded as offered to the wait open at its cut, to offer again when the re-run opens it. */
  private List<Event> offeredBeforeCut;

  private ExecutionProgress(LoopImage.Progress image) {
    sent = image.sent();
    written = image.written();
    collects = new ArrayList<>(image.collects());
    waits = new ArrayList<>(image.waits());
    offeredBeforeCut = image.offered().isEmpty() ? null : image.offered();
  }

  static ExecutionProgress fresh() {
    return new ExecutionProgress(LoopImage.Progress.NONE);
  }

  /** The progress a snapshot recorded, for the execution's re-run to replay. */
  static ExecutionProgress replaying(LoopImage.Progress image) {
    return new ExecutionProgress(image);
  }

  /** Counts a send; true when it was delivered before the cut, so it must not be again. */
  boolean replaysSend() {
    if (++sendsSeen <= sent) {
      return true;
    }
    sent = sendsSeen;
    return false;
  }

  /** Counts a stream write; true when it was published before the cut. */
  boolean replaysWrite() {
    if (++writesSeen <= written) {
      return true;
    }
    written = writesSeen;
    return false;
  }

  /** Whether the next collect call was answered before the cut; then {@link #nextCollectAnswer()} gives the answer. */
  boolean replaysCollect() {
    return collectsSeen < collects.size();
  }

  /** The answer the next collect call got before the cut (null: not yet complete). */
  List<Event> nextCollectAnswer() {
    return collects.get(collectsSeen++);
  }

  /** Records the answer of a new collect call. */
  void collected(List<Event> answer) {
    collects.add(answer);
    collectsSeen++;
  }

  /** Whether wait {@code seq} (from 1) ended before the cut; then {@link #waitOutcome} says how. */
  boolean replaysWait(int seq) {
    return seq <= waits.size();
  }

  /** The event wait {@code seq} took before the cut, or null when it timed out. */
  Event waitOutcome(int seq) {
    return waits.get(seq - 1);
  }

  /**
   * A new wait opens: the events to offer it at once, which are those offered to it before the cut
   * when it is the wait that was open then, else none.
   */
  List<Event> waitOpened(int seq) {
    offered.clear();
    List<Event> again = offeredBeforeCut != null && seq == waits.size() + 1 ? offeredBeforeCut : List.of();
    offeredBeforeCut = null;
    offered.addAll(again);
    return again;
  }

  /** An event was offered to the open wait. */
  void offered(Event event) {
    offered.add(event);
  }

  /** Wait {@code seq} ended, taking {@code event} (null: it timed out); a replayed wait is recorded already. */
  void waitEnded(int seq, Event event) {
    if (seq == waits.size() + 1) {
      waits.add(event);
      offered.clear();
    }
  }

  LoopImage.Progress image() {
    return new LoopImage.Progress(sent, written, collects, waits, offered);
  }
}
