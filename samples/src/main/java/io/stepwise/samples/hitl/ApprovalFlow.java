package io.stepwise.samples.hitl;

import io.stepwise.Context;
import io.stepwise.HumanResponseEvent;
import io.stepwise.InputRequiredEvent;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowHandler;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Human in the loop with {@code waitForEvent}: the step asks for approval on the stream and blocks
 * its virtual thread until the matching answer arrives through {@code handler.sendEvent}.
 */
@Workflow(name = "approval", timeout = "5m")
public class ApprovalFlow {
  public record Request(String id, int amount) implements StartEvent {}

  public record ApprovalNeeded(String id, String question) implements InputRequiredEvent {}

  public record Answer(String id, boolean approved) implements HumanResponseEvent {}

  public record Decision(String id, String outcome) implements StopEvent {}

  @Step
  Decision review(Request request, Context<?> ctx) {
    if (request.amount() <= 100) {
      return new Decision(request.id(), "auto-approved");
    }
    Answer answer = ctx.waitForEvent(Answer.class,
        new ApprovalNeeded(request.id(), "Approve " + request.amount() + " for " + request.id() + "?"),
        reply -> reply.id().equals(request.id()),
        Duration.ofMinutes(2));
    return new Decision(request.id(), answer.approved() ? "approved" : "rejected");
  }

  /** Runs the sample, answering the question itself: prints {@code Decision[id=r-7, outcome=approved]}. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the sample on {@code out}, answering the question itself. */
  public static void run(PrintStream out) {
    WorkflowHandler<Decision> run = ApprovalFlow_Workflow.of(new ApprovalFlow()).run(new Request("r-7", 250));
    run.events()
        .takeWhile(event -> !(event instanceof StopEvent))
        .forEach(event -> {
          if (event instanceof ApprovalNeeded needed) {
            out.println("asked: " + needed.question());
            run.sendEvent(new Answer(needed.id(), true));
          }
        });
    out.println(run.result());
  }
}
