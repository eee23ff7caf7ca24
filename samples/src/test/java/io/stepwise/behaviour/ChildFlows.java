package io.stepwise.behaviour;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StepFailedEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.CatchError;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Retry;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Parents that run a child workflow from a step, and the children they run. */
final class ChildFlows {
  private ChildFlows() {}

  record Ask(String topic) implements StartEvent {}

  record Note(String text) implements Event {}

  record Found(String text) implements StopEvent {}

  record Go() implements StartEvent {}

  record Report(String text) implements StopEvent {}

  /** Writes two notes to its stream, then answers; fails its first {@code failures} runs. */
  @Workflow(name = "child")
  static class Child {
    final AtomicInteger runs = new AtomicInteger();
    final int failures;

    Child(int failures) {
      this.failures = failures;
    }

    @Step
    Found research(Ask ask, Context<?> ctx) {
      int run = runs.incrementAndGet();
      if (run <= failures) {
        throw new IllegalStateException("child run " + run + " broke");
      }
      ctx.writeEventToStream(new Note("reading about " + ask.topic()));
      ctx.writeEventToStream(new Note("done with " + ask.topic()));
      return new Found(ask.topic() + " is interesting");
    }
  }

  /** Runs the child once; a failing child run is retried once, then handed to the handler. */
  @Workflow(name = "parent")
  static class Parent {
    private final CompiledWorkflow<Ask, Found> child;

    Parent(Child child) {
      this.child = ChildFlows_Child_Workflow.of(child);
    }

    @Provides
    CompiledWorkflow<Ask, Found> child() {
      return child;
    }

    @Step(retry = @Retry(maxAttempts = 2, delay = "10ms"))
    Report ask(Go go, Context<?> ctx, CompiledWorkflow<Ask, Found> child) {
      return new Report("child says: " + ctx.runChild(child, new Ask("otters")).text());
    }

    @CatchError
    Report recover(StepFailedEvent failed) {
      return new Report("recovered " + failed.step() + " after " + failed.attempts() + " attempts: "
          + failed.error().getMessage() + " / " + failed.error().getCause().getMessage());
    }
  }

  record Hold() implements StopEvent {}

  /** A child whose step blocks until it is interrupted, or answers at once when told not to block. */
  @Workflow(name = "blocking", timeout = "0s")
  static class BlockingChild {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch interrupted = new CountDownLatch(1);
    private final boolean blocks;

    BlockingChild() {
      this(true);
    }

    BlockingChild(boolean blocks) {
      this.blocks = blocks;
    }

    @Step
    Hold hold(Ask ask) {
      started.countDown();
      if (!blocks) {
        return new Hold();
      }
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        Thread.currentThread().interrupt();
      }
      return new Hold();
    }
  }

  /** Waits on the blocking child. */
  @Workflow(name = "waiting-parent", timeout = "0s")
  static class WaitingParent {
    private final CompiledWorkflow<Ask, Hold> child;

    WaitingParent(BlockingChild child) {
      this.child = ChildFlows_BlockingChild_Workflow.of(child);
    }

    @Provides
    CompiledWorkflow<Ask, Hold> child() {
      return child;
    }

    @Step
    Report wait(Go go, Context<?> ctx, CompiledWorkflow<Ask, Hold> child) {
      ctx.runChild(child, new Ask("nothing"));
      return new Report("the child ended");
    }
  }
}
