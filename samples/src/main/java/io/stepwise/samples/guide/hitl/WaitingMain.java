package io.stepwise.samples.guide.hitl;

import io.stepwise.Event;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowHandler;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Answer;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Answered;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.AskNumber;
import io.stepwise.samples.guide.hitl.HumanInTheLoopFlow.Begin;
import java.io.PrintStream;

/** Runs {@link WaitingFlow}, answering its question with the first argument (default 42). */
public final class WaitingMain {
  private WaitingMain() {}

  public static void main(String[] args) {
    run(System.out, args.length > 0 ? args[0] : "42");
  }

  /** Prints the question, answers it with {@code answer} while the step waits, then prints the result. */
  public static void run(PrintStream out, String answer) {
    WorkflowHandler<Answered> run = WaitingFlow_Workflow.of(new WaitingFlow()).run(new Begin());
    run.events().takeWhile(event -> !(event instanceof StopEvent)).forEach((Event event) -> {
      if (event instanceof AskNumber ask) {
        out.println(ask.prefix() + answer + "   (the step is blocked in waitForEvent until this answer arrives)");
        run.sendEvent(new Answer(answer));
      }
    });
    out.println("result: " + run.result().response());
  }
}
