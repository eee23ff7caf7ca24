package io.stepwise.behaviour;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StepFailedEvent;
import io.stepwise.StopEvent;
import io.stepwise.WaitTimeoutException;
import io.stepwise.annotations.CatchError;
import io.stepwise.annotations.Provides;
import io.stepwise.annotations.Retry;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A workflow whose shape a random plan in its start event decides, for the consistent-cut
 * property ({@link ConsistentCutTest}): the start step sends some items with {@code ctx.sendEvent}
 * and returns the others; a worker with retries may fail an item once (or always, leaving it to an
 * error handler), pass it straight on, wait for an outside reply (or until its wait times out), run a
 * child workflow for it, or pass it to a join in pairs; a collector with
 * several workers gathers one {@link Processed} per item into the result. Short sleeps from the plan
 * make cuts land while steps are in flight. The result names every collected item, so an item lost
 * or collected twice shows in it.
 */
final class CutFlows {
  private CutFlows() {}

  /**
   * What happens to an item after the worker took it: passed straight on, to the join (as its left
   * or right event), after an outside reply, after a wait nobody answers times out, through a child
   * run, or through the error handler once every attempt failed.
   */
  enum Route { DIRECT, LEFT, RIGHT, WAIT, TIMEOUT, CHILD, FAILS }

  /**
   * One item of a plan.
   *
   * @param sent whether the start step sends it with {@code ctx.sendEvent} (else it returns it)
   * @param failsOnce whether its first attempt throws (inside the child for {@link Route#CHILD})
   * @param workMillis how long the worker (and a child's steps) sleep before going on
   * @param gatherMillis how long the collector sleeps before and after collecting it
   */
  record ItemPlan(int id, Route route, boolean sent, boolean failsOnce, int workMillis, int gatherMillis) {}

  /** The start event carries the whole plan. */
  record Begin(List<ItemPlan> items, int fanMillis) implements StartEvent {}

  record Item(ItemPlan plan, int total) implements Event {}

  /** What the worker passes on. */
  sealed interface Worked extends Event permits Processed, Left, Right {}

  record Left(int id, int total, int gatherMillis) implements Worked {}

  record Right(int id, int total, int gatherMillis) implements Worked {}

  /** One item done; {@code via} is its label in the result. */
  record Processed(int id, String via, int total, int gatherMillis) implements Worked {}

  /** The waiter event of an item that waits for its reply; nobody answers when not {@code answered}. */
  record Question(int id, boolean answered) implements InputRequiredEvent {}

  record Reply(int id) implements HumanResponseEvent {}

  /** Written to the stream by each attempt of the worker. */
  record Progress(int id, int attempt) implements Event {}

  /** The result: "id:via" per collected item, sorted, so any delivery order gives the same value. */
  record Collected(List<String> labels) implements StopEvent {}

  record Research(int id, boolean failsOnce, int millis) implements StartEvent {}

  record Half(int id, int millis) implements Event {}

  record Findings(int id, String text) implements StopEvent {}

  /** The child an item of route {@link Route#CHILD} runs: two steps, the first failing once if planned. */
  @Workflow(name = "cut-child", timeout = "30s")
  static class CutChild {
    @Step(retry = @Retry(maxAttempts = 2, delay = "5ms"))
    Half look(Research research, Context<?> ctx) throws IOException, InterruptedException {
      pause(research.millis());
      int attempt = ctx.retryInfo().attempt();
      if (research.failsOnce() && attempt == 1) {
        throw new IOException("child of item " + research.id() + " fails once");
      }
      return new Half(research.id(), research.millis());
    }

    @Step
    Findings conclude(Half half) throws InterruptedException {
      pause(half.millis());
      return new Findings(half.id(), "child");
    }
  }

  @Workflow(name = "cut", timeout = "30s")
  static class CutFlow {
    private final CompiledWorkflow<Research, Findings> child = CutFlows_CutChild_Workflow.of(new CutChild());

    @Provides
    CompiledWorkflow<Research, Findings> child() {
      return child;
    }

    @Step
    List<Item> fan(Begin begin, Context<?> ctx) throws InterruptedException {
      List<Item> returned = new ArrayList<>();
      for (ItemPlan plan : begin.items()) {
        Item item = new Item(plan, begin.items().size());
        if (plan.sent()) {
          ctx.sendEvent(item);
          pause(begin.fanMillis());
        } else {
          returned.add(item);
        }
      }
      return returned;
    }

    @Step(workers = 3, retry = @Retry(maxAttempts = 3, delay = "5ms"))
    Worked work(Item item, Context<?> ctx, CompiledWorkflow<Research, Findings> child)
        throws IOException, InterruptedException {
      ItemPlan plan = item.plan();
      int attempt = ctx.retryInfo().attempt();
      pause(plan.workMillis());
      ctx.writeEventToStream(new Progress(plan.id(), attempt));
      if (plan.route() == Route.FAILS) {
        throw new IOException("item " + plan.id() + " always fails");
      }
      if (plan.failsOnce() && plan.route() != Route.CHILD && attempt == 1) {
        throw new IOException("item " + plan.id() + " fails once");
      }
      int id = plan.id();
      return switch (plan.route()) {
        case DIRECT -> new Processed(id, "direct@" + attempt, item.total(), plan.gatherMillis());
        case LEFT -> new Left(id, item.total(), plan.gatherMillis());
        case RIGHT -> new Right(id, item.total(), plan.gatherMillis());
        case WAIT -> {
          Reply reply = ctx.waitForEvent(Reply.class, new Question(id, true), r -> r.id() == id, Duration.ZERO);
          pause(plan.workMillis()); // so that cuts land after the wait took its reply
          yield new Processed(reply.id(), "reply", item.total(), plan.gatherMillis());
        }
        case TIMEOUT -> {
          try {
            ctx.waitForEvent(Reply.class, new Question(id, false), r -> r.id() == id, WAIT_TIMEOUT);
            throw new IllegalStateException("nobody answers item " + id + ", yet its wait took a reply");
          } catch (WaitTimeoutException expected) {
            pause(plan.workMillis()); // so that cuts land after the wait timed out
            yield new Processed(id, "timeout", item.total(), plan.gatherMillis());
          }
        }
        case FAILS -> throw new IllegalStateException("item " + id + " always fails before this");
        case CHILD -> {
          Findings findings = ctx.runChild(child, new Research(id, plan.failsOnce(), plan.workMillis()));
          pause(plan.workMillis()); // so that cuts land after the child ended
          yield new Processed(findings.id(), findings.text(), item.total(), plan.gatherMillis());
        }
      };
    }

    @CatchError(forSteps = "work")
    Processed recover(StepFailedEvent failed) {
      Item item = (Item) failed.input();
      return new Processed(item.plan().id(), "recovered", item.total(), item.plan().gatherMillis());
    }

    @Step
    List<Processed> pair(Left left, Right right) {
      return List.of(new Processed(left.id(), "left", left.total(), left.gatherMillis()),
          new Processed(right.id(), "right", right.total(), right.gatherMillis()));
    }

    @Step(workers = 3)
    Optional<Collected> gather(Processed processed, Context<?> ctx) throws InterruptedException {
      pause(processed.gatherMillis());
      Optional<List<Event>> all = ctx.collectEvents(processed, Collections.nCopies(processed.total(), Processed.class));
      pause(processed.gatherMillis()); // so that cuts land while a collector holds its answer
      return all.map(events -> {
        List<String> labels = new ArrayList<>();
        for (Event event : events) {
          labels.add(label(((Processed) event).id(), ((Processed) event).via()));
        }
        labels.sort(null);
        return new Collected(labels);
      });
    }
  }

  /** How long a wait nobody answers waits. */
  static final Duration WAIT_TIMEOUT = Duration.ofMillis(15);

  static String label(int id, String via) {
    return id + ":" + via;
  }

  private static void pause(int millis) throws InterruptedException {
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
