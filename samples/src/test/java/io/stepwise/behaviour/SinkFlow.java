package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A sink step, which emits nothing and only writes to the stream, beside the path to the result.
 * The stop waits for the sink so that the sink's write comes before it (a later one is dropped).
 */
@Workflow
public class SinkFlow {
  public record Order(String item) implements StartEvent {}
  public record Placed(String item) implements Event {}
  public record Logged(String line) implements Event {}
  public record Receipt(String item) implements StopEvent {}

  final CountDownLatch logged = new CountDownLatch(1);

  @Step
  Placed place(Order order) {
    return new Placed(order.item());
  }

  @Step
  void log(Placed placed, Context<?> ctx) {
    ctx.writeEventToStream(new Logged("placed " + placed.item()));
    logged.countDown();
  }

  @Step
  Receipt confirm(Placed placed) throws InterruptedException {
    if (!logged.await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the sink did not run");
    }
    return new Receipt(placed.item());
  }
}
