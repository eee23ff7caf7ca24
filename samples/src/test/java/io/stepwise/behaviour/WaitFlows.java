package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Workflows whose steps block in {@code ctx.waitForEvent}. */
final class WaitFlows {
  private WaitFlows() {}

  record Go(int askers) implements StartEvent {}

  record Ask(int id) implements Event {}

  record Question(int id) implements InputRequiredEvent {}

  record Reply(int id, String text) implements HumanResponseEvent {}

  record Answered(int id, String text) implements Event {}

  record Answers(List<String> texts) implements StopEvent {}

  /** Several steps wait at once, each for the reply with its own id. */
  @Workflow
  static class ManyWaitersFlow {
    @Step
    List<Ask> start(Go ev, Context<?> ctx) {
      ctx.store().put("askers", ev.askers());
      return java.util.stream.IntStream.range(0, ev.askers()).mapToObj(Ask::new).toList();
    }

    @Step(workers = 3)
    Answered ask(Ask ev, Context<?> ctx) {
      Reply reply = ctx.waitForEvent(Reply.class, new Question(ev.id()), r -> r.id() == ev.id(), Duration.ofSeconds(20));
      return new Answered(ev.id(), reply.text());
    }

    @Step(workers = 1)
    Optional<Answers> gather(Answered ev, Context<?> ctx) {
      int askers = ctx.store().get("askers", 0);
      return ctx.collectEvents(ev, java.util.Collections.nCopies(askers, Answered.class))
          .map(all -> new Answers(all.stream().map(e -> ((Answered) e).id() + "=" + ((Answered) e).text())
              .sorted().toList()));
    }
  }

  /**
   * Like {@link ManyWaitersFlow}, but each asker first passes a gate its test holds, so the test
   * decides whether an answer arrives before the asker's wait is open.
   */
  @Workflow
  static class HesitantAskersFlow {
    private final java.util.concurrent.CountDownLatch gate;

    HesitantAskersFlow(java.util.concurrent.CountDownLatch gate) {
      this.gate = gate;
    }

    @Step
    List<Ask> start(Go ev, Context<?> ctx) {
      ctx.store().put("askers", ev.askers());
      return java.util.stream.IntStream.range(0, ev.askers()).mapToObj(Ask::new).toList();
    }

    @Step(workers = 3)
    Answered ask(Ask ev, Context<?> ctx) throws InterruptedException {
      gate.await();
      Reply reply = ctx.waitForEvent(Reply.class, new Question(ev.id()), r -> r.id() == ev.id(), Duration.ZERO);
      return new Answered(ev.id(), reply.text());
    }

    @Step(workers = 1)
    Optional<Answers> gather(Answered ev, Context<?> ctx) {
      int askers = ctx.store().get("askers", 0);
      return ctx.collectEvents(ev, java.util.Collections.nCopies(askers, Answered.class))
          .map(all -> new Answers(all.stream().map(e -> ((Answered) e).id() + "=" + ((Answered) e).text())
              .sorted().toList()));
    }
  }

  record Never(String text) implements StopEvent {}

  /** Waits for a reply that never comes. */
  @Workflow
  static class UnansweredFlow {
    @Step
    Never ask(Go ev, Context<?> ctx) {
      Reply reply = ctx.waitForEvent(Reply.class, new Question(0), r -> true, Duration.ofMillis(100));
      return new Never(reply.text());
    }
  }
}
