package io.stepwise.benchmarks.server;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** The workflows the server load benchmark serves. */
public final class ServedFlows {
  private ServedFlows() {}

  /** One step: the start event's text comes back as the result. */
  @Workflow(name = "echo")
  public static class Echo {
    public record Say(String text) implements StartEvent {}

    public record Said(String text) implements StopEvent {}

    @Step
    Said echo(Say say) {
      return new Said(say.text());
    }
  }

  /**
   * Waits for a go (so the client is streaming before anything is written), then writes
   * {@code count} events, each stamped with {@link System#nanoTime()} as the step writes it, a
   * millisecond apart: the client's receive time minus the stamp is the write-to-SSE delay (the
   * server and the clients share one JVM, so one clock).
   */
  @Workflow(name = "stamps", timeout = "0s")
  public static class Stamps {
    public record Begin(int count) implements StartEvent {}

    public record Ready(String prompt) implements InputRequiredEvent {}

    public record Go(int count) implements HumanResponseEvent {}

    public record Stamp(int index, long writtenNanos) implements Event {}

    public record Finished(int count) implements StopEvent {}

    @Step
    Ready ready(Begin begin) {
      return new Ready("go?");
    }

    @Step
    Finished write(Go go, Context<?> ctx) throws InterruptedException {
      for (int i = 0; i < go.count(); i++) {
        ctx.writeEventToStream(new Stamp(i, System.nanoTime()));
        Thread.sleep(1);
      }
      return new Finished(go.count());
    }
  }

  /** Asks a question and waits for the answer with no timeout: an idle paused run. */
  @Workflow(name = "paused", timeout = "0s")
  public static class Paused {
    public record Ticket(int id) implements StartEvent {}

    public record Question(int id) implements InputRequiredEvent {}

    public record Answer(boolean approved) implements HumanResponseEvent {}

    public record Decision(boolean approved) implements StopEvent {}

    @Step
    Question ask(Ticket ticket) {
      return new Question(ticket.id());
    }

    @Step
    Decision decide(Answer answer) {
      return new Decision(answer.approved());
    }
  }
}
