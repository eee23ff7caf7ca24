package io.stepwise.run;

import static io.stepwise.fixture.Steps.step;
import static io.stepwise.fixture.Steps.union;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.Event;
import io.stepwise.WorkflowHandler;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Left;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Right;
import io.stepwise.fixture.Events.Route;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.ScriptedWorkflow;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Events reach the right steps when a run executes on real threads. */
class RoutingRunTest {
  @Test
  void chainPassesEachEventToTheNextStep() {
    var flow = ScriptedWorkflow.named("Chain", Start.class, Done.class)
        .step(step("first", Start.class).emits(Mid.class), (ev, ctx) -> new Mid(((Start) ev[0]).n() + 1))
        .step(step("second", Mid.class).emits(Done.class), (ev, ctx) -> new Done("n=" + (((Mid) ev[0]).n() + 1)))
        .compile();

    assertEquals(new Done("n=3"), flow.run(new Start(1)).result());
  }

  @Test
  void eventIsBroadcastToBothStepsAndTheJoinGetsInputsInDeclarationOrder() {
    var flow = ScriptedWorkflow.named("Broadcast", Start.class, Done.class)
        .step(step("split", Start.class).emits(Mid.class), (ev, ctx) -> new Mid(7))
        .step(step("left", Mid.class).emits(Left.class), (ev, ctx) -> new Left("L" + ((Mid) ev[0]).n()))
        .step(step("right", Mid.class).emits(Right.class), (ev, ctx) -> new Right("R" + ((Mid) ev[0]).n()))
        .step(step("join", Left.class).and(Right.class).emits(Done.class),
            (ev, ctx) -> new Done(((Left) ev[0]).text() + "+" + ((Right) ev[1]).text()))
        .compile();

    assertEquals(new Done("L7+R7"), flow.run(new Start(0)).result());
  }

  @Test
  void sealedUnionParameterReceivesEachPermittedType() {
    var flow = ScriptedWorkflow.named("Union", Start.class, Done.class)
        .step(step("choose", Start.class).emits(Left.class, Right.class),
            (ev, ctx) -> ((Start) ev[0]).n() == 0 ? new Left("l") : new Right("r"))
        .step(union("handle", Route.class, Left.class, Right.class).emits(Done.class),
            (ev, ctx) -> new Done(ev[0].getClass().getSimpleName()))
        .compile();

    assertEquals(new Done("Left"), flow.run(new Start(0)).result());
    assertEquals(new Done("Right"), flow.run(new Start(1)).result());
  }

  @Test
  void returnedListFansOutEveryElement() {
    AtomicInteger seen = new AtomicInteger();
    AtomicInteger sum = new AtomicInteger();
    var flow = ScriptedWorkflow.named("FanOut", Start.class, Done.class)
        .step(step("fan", Start.class).emits(Mid.class), (ev, ctx) -> List.of(new Mid(1), new Mid(2), new Mid(3), new Mid(4)))
        .step(step("gather", Mid.class).emits(Done.class).workers(1), (ev, ctx) -> {
          sum.addAndGet(((Mid) ev[0]).n());
          return seen.incrementAndGet() == 4 ? new Done("sum=" + sum.get()) : null;
        })
        .compile();

    assertEquals(new Done("sum=10"), flow.run(new Start(0)).result());
  }

  @Test
  void asyncStepCountsAsInFlightUntilItsFutureCompletes() throws InterruptedException {
    CompletableFuture<Event> pending = new CompletableFuture<>();
    CountDownLatch called = new CountDownLatch(1);
    var flow = ScriptedWorkflow.named("Async", Start.class, Done.class)
        .step(step("async", Start.class).emits(Done.class), (ev, ctx) -> {
          called.countDown();
          return pending;
        })
        .compile();

    WorkflowHandler<Done> handler = flow.run(new Start(0));
    assertTrue(called.await(10, TimeUnit.SECONDS));
    assertFalse(handler.isDone());
    pending.complete(new Done("later"));

    assertEquals(new Done("later"), handler.result());
  }

  @Test
  void asyncStepCompletingWithAListFansOut() {
    var flow = ScriptedWorkflow.named("AsyncList", Start.class, Done.class)
        .step(step("async", Start.class).emits(Mid.class),
            (ev, ctx) -> CompletableFuture.supplyAsync(() -> List.of(new Mid(5))))
        .step(step("end", Mid.class).emits(Done.class), (ev, ctx) -> new Done("got " + ((Mid) ev[0]).n()))
        .compile();

    assertEquals(new Done("got 5"), flow.run(new Start(0)).result());
  }
}
