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

/**
 * Human in the loop with events, as in Python: a step returns an {@link InputRequiredEvent}, the
 * caller reads it from the stream and answers with a {@link HumanResponseEvent}, which starts
 * another step. The state carries the draft across the two steps.
 */
@Workflow(name = "review")
public class ReviewFlow {
  /** The draft being reviewed. */
  public static class Draft {
    public String text = "";

    public Draft() {}
  }

  public record Submit(String text) implements StartEvent {}

  public record ReviewRequested(String text) implements InputRequiredEvent {}

  public record Reviewed(String comment) implements HumanResponseEvent {}

  public record Published(String text, String comment) implements StopEvent {}

  @Step
  ReviewRequested submit(Submit ev, Context<Draft> ctx) {
    ctx.editState(draft -> draft.text = ev.text());
    return new ReviewRequested(ev.text());
  }

  @Step
  Published publish(Reviewed ev, Context<Draft> ctx) {
    return new Published(ctx.state().text, ev.comment());
  }

  /** Runs the sample: prints {@code Published[text=Hello, comment=LGTM]}. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the sample on {@code out}, answering the review itself. */
  public static void run(PrintStream out) {
    WorkflowHandler<Published> run = ReviewFlow_Workflow.of(new ReviewFlow()).run(new Submit("Hello"));
    run.events()
        .takeWhile(event -> !(event instanceof StopEvent))
        .forEach(event -> {
          if (event instanceof ReviewRequested requested) {
            out.println("review requested: " + requested.text() + "; answering LGTM");
            run.sendEvent(new Reviewed("LGTM"));
          }
        });
    out.println(run.result());
  }
}
