package io.stepwise.benchmarks.flows;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;

/** Shape S3: three steps whose middle one blocks its thread for a fixed time, like a slow call. */
@Workflow
public class BlockingFlow {
  public record Request(int id, long blockMillis) implements StartEvent {}
  public record Call(int id, long blockMillis) implements Event {}
  public record Reply(int id) implements Event {}
  public record Handled(int id) implements StopEvent {}

  @Step
  Call accept(Request request) {
    return new Call(request.id(), request.blockMillis());
  }

  @Step
  Reply call(Call call) throws InterruptedException {
    Thread.sleep(call.blockMillis()); // blocking on purpose: the virtual thread parks
    return new Reply(call.id());
  }

  @Step
  Handled reply(Reply reply) {
    return new Handled(reply.id());
  }
}
