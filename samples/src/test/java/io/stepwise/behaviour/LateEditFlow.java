package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.WorkflowCancelledException;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * A step that ignores its interrupt and goes on after its run timed out: what it tries to change
 * in the run afterwards is refused.
 */
@Workflow(timeout = "100ms")
public class LateEditFlow {
  public record Go() implements StartEvent {}

  public record Done() implements StopEvent {}

  public static class Count {
    public int edits;

    public Count() {}
  }

  /** Released by the test once the run has timed out. */
  final CountDownLatch goOn = new CountDownLatch(1);
  /** What the late edit, store write and update ran into, in that order. */
  final CompletableFuture<String> refused = new CompletableFuture<>();

  @Step
  Done stubborn(Go ev, Context<Count> ctx) {
    while (true) {
      try {
        goOn.await();
        break;
      } catch (InterruptedException ignored) {
        // this step ignores cancellation, as badly written steps do
      }
    }
    StringBuilder seen = new StringBuilder();
    Runnable[] late = {() -> ctx.editState(count -> count.edits++), () -> ctx.store().put("late", 1),
        () -> ctx.updateState(count -> count)};
    for (Runnable change : late) {
      try {
        change.run();
        seen.append("changed; ");
      } catch (WorkflowCancelledException e) {
        seen.append(e.getMessage()).append("; ");
      }
    }
    refused.complete(seen.toString());
    return new Done();
  }
}
