package io.stepwise.behaviour;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.InputRequiredEvent;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import io.stepwise.behaviour.ChildFlows.Ask;
import io.stepwise.behaviour.ChildFlows.Found;
import io.stepwise.behaviour.ChildFlows.Go;
import io.stepwise.behaviour.ChildFlows.Report;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A parent whose step runs a child that asks a person a question, for snapshots taken while it waits. */
final class ChildSnapshotFlows {
  private ChildSnapshotFlows() {}

  record Question(String text) implements InputRequiredEvent {}

  /**
   * Prepares a question (counting how often), publishes it as input-required, and waits for the
   * person's answer, which the test types into {@link #person}.
   */
  @Workflow(name = "asking-child", timeout = "0s")
  static class AskingChild {
    final AtomicInteger prepared = new AtomicInteger();
    final BlockingQueue<String> person = new LinkedBlockingQueue<>();
    final CountDownLatch listening = new CountDownLatch(1);

    @Step
    Question prepare(Ask ask) {
      prepared.incrementAndGet();
      return new Question("what about " + ask.topic() + "?");
    }

    @Step
    Found listen(Question question) {
      listening.countDown();
      try {
        return new Found(question.text() + " " + person.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("cancelled while waiting for the person", e);
      }
    }
  }

  /** A later version of the asking child: same name, another graph. */
  @Workflow(name = "asking-child", timeout = "0s")
  static class ReworkedAskingChild {
    @Step
    Found answer(Ask ask) {
      return new Found("no questions about " + ask.topic());
    }
  }

  /** Runs whatever child it is given, counting the executions of its step. */
  @Workflow(name = "asking-parent", timeout = "0s")
  static class AskingParent {
    final AtomicInteger asks = new AtomicInteger();
    private final CompiledWorkflow<Ask, Found> child;

    AskingParent(CompiledWorkflow<Ask, Found> child) {
      this.child = child;
    }

    @Provides
    CompiledWorkflow<Ask, Found> child() {
      return child;
    }

    @Step
    Report ask(Go go, Context<?> ctx, CompiledWorkflow<Ask, Found> child) {
      asks.incrementAndGet();
      return new Report("child says: " + ctx.runChild(child, new Ask("otters")).text());
    }
  }
}
