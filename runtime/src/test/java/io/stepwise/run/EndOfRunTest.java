package io.stepwise.run;

import static io.stepwise.fixture.Steps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Event;
import io.stepwise.RunOptions;
import io.stepwise.WorkflowCancelledEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.WorkflowFailedEvent;
import io.stepwise.WorkflowFailedException;
import io.stepwise.WorkflowHandler;
import io.stepwise.WorkflowTimedOutEvent;
import io.stepwise.WorkflowTimeoutException;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Other;
import io.stepwise.fixture.Events.Progress;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.ScriptedWorkflow;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The four ways a run ends: a stop event, a failure, a timeout, a cancel. */
class EndOfRunTest {
  private static final long WAIT = 10;

  /** A step body that blocks until interrupted, then signals it. */
  private static ScriptedWorkflow.Body blockUntilInterrupted(CountDownLatch started, CountDownLatch interrupted) {
    return (ev, ctx) -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException expected) {
        interrupted.countDown();
      }
      return null;
    };
  }

  @Test
  void stopEventCancelsInFlightStepsAndDropsTheirLaterWrites() throws InterruptedException {
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    CountDownLatch lateWriteDone = new CountDownLatch(1);
    var flow = ScriptedWorkflow.named("Race", Start.class, Done.class)
        .step(step("split", Start.class).emits(Mid.class, Other.class), (ev, ctx) -> List.of(new Mid(1), new Other("x")))
        .step(step("slow", Mid.class), (ev, ctx) -> {
          slowStarted.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException expected) {
            interrupted.countDown();
            ctx.writeEventToStream(new Progress("late"));
            lateWriteDone.countDown();
          }
          return null;
        })
        .step(step("fast", Other.class).emits(Done.class), (ev, ctx) -> {
          slowStarted.await();
          return new Done("fast won");
        })
        .compile();

    WorkflowHandler<Done> handler = flow.run(new Start(0));

    assertEquals(new Done("fast won"), handler.result());
    assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS));
    assertTrue(lateWriteDone.await(WAIT, TimeUnit.SECONDS));
    assertEquals(List.of(new Done("fast won")), handler.events().toList());
  }

  @Test
  void failingStepFailsTheRunWithTheOriginalExceptionAsCause() {
    IllegalStateException boom = new IllegalStateException("boom");
    var flow = ScriptedWorkflow.named("Failing", Start.class, Done.class)
        .step(step("explode", Start.class).emits(Done.class), (ev, ctx) -> {
          throw boom;
        })
        .compile();

    WorkflowHandler<Done> handler = flow.run(new Start(0));
    WorkflowFailedException failure = assertThrows(WorkflowFailedException.class, handler::result);

    assertEquals("Workflow 'Failing' failed in step 'explode': java.lang.IllegalStateException: boom", failure.getMessage());
    assertEquals("explode", failure.step());
    assertSame(boom, failure.getCause());
    ExecutionException viaFuture = assertThrows(ExecutionException.class, () -> handler.future().get());
    assertSame(failure, viaFuture.getCause());
    assertEquals(List.of(new WorkflowFailedEvent("explode", "java.lang.IllegalStateException", "boom")),
        handler.events().toList());
  }

  @Test
  void failingStepIsRetriedUpToMaxAttempts() {
    var attempts = new java.util.concurrent.atomic.AtomicInteger();
    var flow = ScriptedWorkflow.named("Flaky", Start.class, Done.class)
        .step(step("flaky", Start.class).emits(Done.class).retry(3, Duration.ofMillis(1)), (ev, ctx) -> {
          if (attempts.incrementAndGet() < 3) {
            throw new IllegalStateException("attempt " + attempts.get());
          }
          return new Done("after " + attempts.get());
        })
        .compile();

    assertEquals(new Done("after 3"), flow.run(new Start(0)).result());
  }

  @Test
  void runTimeoutNamesTheActiveStep() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    var flow = ScriptedWorkflow.named("Slow", Start.class, Done.class)
        .step(step("stuck", Start.class).emits(Done.class), blockUntilInterrupted(started, interrupted))
        .compile();

    WorkflowHandler<Done> handler = flow.run(new Start(0), RunOptions.defaults().withTimeout(Duration.ofMillis(300)));
    WorkflowTimeoutException timeout = assertThrows(WorkflowTimeoutException.class, handler::result);

    assertEquals("Workflow 'Slow' timed out after PT0.3S; active steps: [stuck]", timeout.getMessage());
    assertEquals(List.of("stuck"), timeout.activeSteps());
    assertEquals(List.of(new WorkflowTimedOutEvent(Duration.ofMillis(300), List.of("stuck"))), handler.events().toList());
    assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS));
  }

  @Test
  void stepTimeoutInterruptsTheStepAndFailsTheRun() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    var flow = ScriptedWorkflow.named("StepTimeout", Start.class, Done.class)
        .step(step("stuck", Start.class).emits(Done.class).timeout(Duration.ofMillis(200)),
            blockUntilInterrupted(started, interrupted))
        .compile();

    WorkflowFailedException failure = assertThrows(WorkflowFailedException.class, () -> flow.run(new Start(0)).result());

    assertEquals("stuck", failure.step());
    assertInstanceOf(TimeoutException.class, failure.getCause());
    assertEquals("Step 'stuck' timed out after PT0.2S", failure.getCause().getMessage());
    assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS));
  }

  @Test
  void cancelEndsTheRunAndInterruptsItsSteps() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    var flow = ScriptedWorkflow.named("Cancellable", Start.class, Done.class)
        .step(step("stuck", Start.class).emits(Done.class), blockUntilInterrupted(started, interrupted))
        .compile();
    WorkflowHandler<Done> handler = flow.run(new Start(0));
    assertTrue(started.await(WAIT, TimeUnit.SECONDS));

    handler.cancel();
    handler.cancel();

    WorkflowCancelledException cancelled = assertThrows(WorkflowCancelledException.class, handler::result);
    assertEquals("Run " + handler.runId() + " of workflow 'Cancellable' was cancelled", cancelled.getMessage());
    assertTrue(handler.isDone());
    assertTrue(interrupted.await(WAIT, TimeUnit.SECONDS));
    assertEquals(List.<Event>of(new WorkflowCancelledEvent()), handler.events().toList());
  }

  @Test
  void cancelAfterTheRunFinishedChangesNothing() {
    var flow = ScriptedWorkflow.named("Quick", Start.class, Done.class)
        .step(step("done", Start.class).emits(Done.class), (ev, ctx) -> new Done("ok"))
        .compile();
    WorkflowHandler<Done> handler = flow.run(new Start(0));
    handler.result();

    handler.cancel();

    assertEquals(new Done("ok"), handler.result());
    assertEquals(List.of(new Done("ok")), handler.events().toList());
  }
}
