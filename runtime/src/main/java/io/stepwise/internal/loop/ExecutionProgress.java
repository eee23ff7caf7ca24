package io.stepwise.internal.loop;

import io.stepwise.graph.TypeTag;
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
  /** The type the open wait awaits, null when none is open. */
  private Class<?> openType;
  /**
   * The type name of the wait open at the cut while its re-run has not opened it again: events of
   * that type are kept for it meanwhile, so an answer sent right after a resume is not lost.
   */
  private String awaitedBeforeCut;

  private ExecutionProgress(LoopImage.Progress image) {
    sent = image.sent();
    written = image.written();
    collects = new ArrayList<>(image.collects());
    waits = new ArrayList<>(image.waits());
    awaitedBeforeCut = image.openWait();
    offeredBeforeCut = image.offered().isEmpty() && awaitedBeforeCut == null ? null : new ArrayList<>(image.offered());
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

  /** Whether the next send is one made before the cut, without counting it (for observers). */
  boolean nextSendReplays() {
    return sendsSeen < sent;
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
   * A new wait for {@code type} opens: the events to offer it at once, which are those offered to
   * it before the cut, or kept for it since, when it is the wait that was open then, else none.
   */
  List<Event> waitOpened(int seq, Class<?> type) {
    offered.clear();
    List<Event> again = offeredBeforeCut != null && seq == waits.size() + 1 ? offeredBeforeCut : List.of();
    offeredBeforeCut = null;
    awaitedBeforeCut = null;
    openType = type;
    offered.addAll(again);
    return again;
  }

  /** Whether events are being kept for the wait that was open at the cut, which the re-run has not opened yet. */
  boolean keepsForWaitBeforeCut() {
    return awaitedBeforeCut != null;
  }

  /** Keeps {@code event} for the wait that was open at the cut when it is of the awaited type. */
  void keepForWaitBeforeCut(Event event) {
    if (awaitedBeforeCut != null && EventTypes.isA(event.getClass(), awaitedBeforeCut)) {
      offeredBeforeCut.add(event);
    }
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
      openType = null;
    }
  }

  LoopImage.Progress image() {
    // Offers recorded at an earlier cut stay pending until the re-run opens that wait again.
    if (awaitedBeforeCut != null) {
      return new LoopImage.Progress(sent, written, collects, waits, offeredBeforeCut, awaitedBeforeCut);
    }
    return new LoopImage.Progress(sent, written, collects, waits, offeredBeforeCut != null ? offeredBeforeCut : offered,
        openType == null ? null : TypeTag.of(openType));
  }
}
