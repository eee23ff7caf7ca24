package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Retry;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Workflows that are snapshotted mid-run and resumed. */
final class SnapshotFlows {
  private SnapshotFlows() {}

  /** Executions per step, shared by the instances that run one logical run before and after a resume. */
  static final class Counts {
    private final Map<String, AtomicInteger> byStep = new ConcurrentHashMap<>();

    void ran(String step) {
      byStep.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
    }

    int of(String step) {
      AtomicInteger count = byStep.get(step);
      return count == null ? 0 : count.get();
    }
  }

  public record Begin(String topic) implements StartEvent {}

  public record AskNumber(String prefix) implements InputRequiredEvent {}

  public record Answer(String response) implements HumanResponseEvent {}

  public record Answered(String response, List<String> notes) implements StopEvent {}

  /** The state: a plain class, edited by editState. */
  public static class Notes {
    public List<String> lines = List.of();

    public Notes() {}

    /** Replaces the list rather than adding to it: a decoded list is unmodifiable, a copy shares it. */
    void add(String line) {
      List<String> more = new ArrayList<>(lines);
      more.add(line);
      lines = List.copyOf(more);
    }
  }

  /** The seed's pattern: a step asks for input, the path pauses, a later step takes the answer. */
  @Workflow(name = "snapshot-hitl", timeout = "5m")
  static class HitlFlow {
    private final Counts counts;

    HitlFlow(Counts counts) {
      this.counts = counts;
    }

    @Step
    AskNumber ask(Begin ev, Context<Notes> ctx) {
      counts.ran("ask");
      ctx.editState(notes -> notes.add("asked about " + ev.topic()));
      ctx.store().put("topic", ev.topic());
      return new AskNumber("Enter a number: ");
    }

    @Step
    Answered answer(Answer ev, Context<Notes> ctx) {
      counts.ran("answer");
      String topic = ctx.store().get("topic", "");
      ctx.editState(notes -> notes.add("answered " + ev.response() + " on " + topic));
      return new Answered(ev.response(), List.copyOf(ctx.state().lines));
    }
  }

  public record Go(boolean hold) implements StartEvent {}

  public record Work(int n) implements Event {}

  public record Done(int n) implements Event {}

  public record Left(int value) implements Event {}

  public record Right(int value) implements Event {}

  public record Joined(int value) implements Event {}

  public record Flaky(int n) implements Event {}

  public record Fixed(int n, int attempt) implements Event {}

  public record AskFor(int id) implements Event {}

  public record Question(int id) implements InputRequiredEvent {}

  public record Reply(int id, String text) implements HumanResponseEvent {}

  public record Replied(String text) implements Event {}

  public record Progress(String what) implements Event {}

  public record Outcome(String text) implements StopEvent {}

  /**
   * Every kind of loop data at once: with {@code hold}, work on 2 and 3 blocks until the gate
   * opens (one in flight, one queued), the join holds its left side, the collect buffer holds
   * Done(1), the flaky step waits out a long retry delay, and a step waits for a reply.
   */
  @Workflow(name = "snapshot-busy", timeout = "5m")
  static class BusyFlow {
    private final Counts counts;
    private final CountDownLatch gate;

    BusyFlow(Counts counts, CountDownLatch gate) {
      this.counts = counts;
      this.gate = gate;
    }

    @Step
    void start(Go ev, Context<?> ctx) {
      counts.ran("start");
      ctx.store().put("hold", ev.hold());
      for (int n = 1; n <= 3; n++) {
        ctx.sendEvent(new Work(n));
      }
      ctx.sendEvent(new Left(10));
      ctx.sendEvent(new Flaky(0));
      ctx.sendEvent(new AskFor(7));
    }

    @Step(workers = 1)
    Done work(Work ev, Context<?> ctx) throws InterruptedException {
      counts.ran("work");
      if (ev.n() >= 2 && gate.getCount() > 0) {
        ctx.writeEventToStream(new Progress("work " + ev.n() + " holds"));
        gate.await();
      }
      return new Done(ev.n());
    }

    @Step(workers = 1)
    Optional<Right> gather(Done ev, Context<?> ctx) {
      counts.ran("gather");
      Optional<List<Event>> all = ctx.collectEvents(ev, List.of(Done.class, Done.class, Done.class));
      if (all.isEmpty()) {
        ctx.writeEventToStream(new Progress("gathered " + ev.n()));
      }
      return all.map(done -> new Right(done.stream().mapToInt(d -> ((Done) d).n()).sum()));
    }

    @Step
    Joined join(Left left, Right right) {
      counts.ran("join");
      return new Joined(left.value() + right.value());
    }

    @Step(retry = @Retry(maxAttempts = 2, delay = "10m"))
    Fixed flaky(Flaky ev, Context<?> ctx) throws IOException {
      counts.ran("flaky");
      if (ctx.retryInfo().attempt() == 1 && ctx.store().get("hold", false)) {
        ctx.writeEventToStream(new Progress("flaky fails"));
        throw new IOException("flaky attempt 1");
      }
      return new Fixed(ev.n(), ctx.retryInfo().attempt());
    }

    @Step
    Replied ask(AskFor ev, Context<?> ctx) {
      counts.ran("ask");
      Reply reply = ctx.waitForEvent(Reply.class, new Question(ev.id()), r -> r.id() == ev.id(), Duration.ZERO);
      return new Replied(ev.id() + ":" + reply.text());
    }

    @Step
    Outcome finish(Joined joined, Fixed fixed, Replied replied) {
      counts.ran("finish");
      return new Outcome("joined=" + joined.value() + " fixed=" + fixed.n() + " replied=" + replied.text());
    }
  }
}
