package io.stepwise.behaviour;

import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.behaviour.CutFlows.Collected;
import io.stepwise.behaviour.CutFlows.Question;
import io.stepwise.behaviour.CutFlows.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A run of {@link CutFlows.CutFlow} whose stream a virtual thread reads as it comes, answering each
 * question after a moment (up to a few milliseconds) as a person at the other end would, and keeping
 * every event for the test.
 */
final class WatchedRun {
  private static final Duration STREAM_END = Duration.ofSeconds(5);
  private static final long MAX_ANSWER_DELAY_NANOS = 3_000_000;

  final WorkflowHandler<Collected> handler;
  /** The events read so far, in stream order. */
  final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<String> troubles = new CopyOnWriteArrayList<>();
  private final Thread reader;

  WatchedRun(WorkflowHandler<Collected> handler) {
    this.handler = handler;
    this.reader = Thread.ofVirtual().name("cut-reader").start(this::read);
  }

  private void read() {
    try {
      handler.events().forEach(event -> {
        events.add(event);
        if (event instanceof Question question && question.answered()) {
          long delay = ThreadLocalRandom.current().nextLong(MAX_ANSWER_DELAY_NANOS);
          Thread.ofVirtual().name("cut-person").start(() -> answer(question, delay));
        }
      });
    } catch (RuntimeException e) {
      troubles.add("reading the stream failed: " + e);
    }
  }

  private void answer(Question question, long delayNanos) {
    LockSupport.parkNanos(delayNanos);
    try {
      handler.sendEvent(new Reply(question.id()));
    } catch (RuntimeException e) {
      // A re-run's open wait takes again at once the reply offered to it before the cut, so the run
      // may end before the person answers its question a second time: too late, and no harm.
      if (!handler.isDone()) {
        troubles.add("answering " + question + " failed: " + e);
      }
    }
  }

  /**
   * Waits for the run's result and the end of its stream.
   *
   * @return the result, or null after cancelling the run when it did not end in time
   * @throws ExecutionException when the run failed
   */
  Collected await(Duration timeout) throws ExecutionException, InterruptedException {
    Collected result;
    try {
      result = handler.future().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return null;
    }
    if (!reader.join(STREAM_END)) { // the terminal event is published before the result completes
      troubles.add("the stream did not end within " + STREAM_END + " after the result");
    }
    return result;
  }

  /** What went wrong around the run (the stream, answering), empty when nothing did. */
  List<String> troubles() {
    return List.copyOf(troubles);
  }

  /**
   * Describes a run that did not end: where it is stuck, as its snapshot shows it, and the end of its
   * stream. Then cancels it.
   */
  String describeHungAndCancel() {
    String where;
    try {
      where = handler.snapshot().toJson();
    } catch (RuntimeException e) {
      where = "(no snapshot: " + e + ")";
    }
    handler.cancel();
    List<Event> seen = List.copyOf(events);
    return "its snapshot now: " + where + "\n    its last events: " + seen.subList(Math.max(0, seen.size() - 8),
        seen.size());
  }
}
