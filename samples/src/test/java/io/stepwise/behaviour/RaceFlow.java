package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A slow and a fast branch: the fast one stops the run while the slow one is still running,
 * so the slow one must be interrupted and what it writes afterwards must not be streamed.
 */
@Workflow
public class RaceFlow {
  public record Go() implements StartEvent {}
  public record Slow() implements Event {}
  public record Fast() implements Event {}
  public record Won(String by) implements StopEvent {}
  public record Note(String text) implements Event {}

  final CountDownLatch slowInterrupted = new CountDownLatch(1);
  final CountDownLatch lateWriteAttempted = new CountDownLatch(1);

  @Step
  void start(Go go, Context<?> ctx) {
    ctx.sendEvent(new Slow());
  }

  @Step
  Won slow(Slow slow, Context<?> ctx) {
    ctx.writeEventToStream(new Note("slow started"));
    ctx.sendEvent(new Fast());
    try {
      Thread.sleep(TimeUnit.SECONDS.toMillis(30));
      return new Won("slow");
    } catch (InterruptedException e) {
      slowInterrupted.countDown();
      ctx.writeEventToStream(new Note("slow wrote after the end"));
      lateWriteAttempted.countDown();
      return null;
    }
  }

  /** Fires only once the slow branch is running: the slow step itself sends Fast. */
  @Step
  Won fast(Fast fast) {
    return new Won("fast");
  }
}
