package io.stepwise.benchmarks.flows;

import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** A run that asks a human a question and waits, idle, for the answer (the footprint shape, S4). */
@Workflow
public class PausedFlow {
  public record Ticket(int id) implements StartEvent {}
  public record Question(int id) implements InputRequiredEvent {}
  public record Answer(int id, boolean approved) implements HumanResponseEvent {}
  public record Decision(int id, boolean approved) implements StopEvent {}

  @Step
  Question ask(Ticket ticket) {
    return new Question(ticket.id());
  }

  @Step
  Decision decide(Answer answer) {
    return new Decision(answer.id(), answer.approved());
  }
}
