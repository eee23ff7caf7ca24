package io.stepwise.run;

import static io.stepwise.fixture.Steps.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stepwise.WorkflowHandler;
import io.stepwise.fixture.Events.Done;
import io.stepwise.fixture.Events.Mid;
import io.stepwise.fixture.Events.Start;
import io.stepwise.fixture.ScriptedWorkflow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The workers limit, observed with latches and counters rather than timing. */
class ConcurrencyRunTest {
  @Test
  void peakConcurrencyOfAStepEqualsItsWorkers() throws InterruptedException {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    CountDownLatch threeRunning = new CountDownLatch(3);
    CountDownLatch release = new CountDownLatch(1);
    var flow = ScriptedWorkflow.named("Workers", Start.class, Done.class)
        .step(step("fan", Start.class).emits(Mid.class),
            (ev, ctx) -> IntStream.range(0, 10).mapToObj(Mid::new).toList())
        .step(step("work", Mid.class).emits(Done.class).workers(3), (ev, ctx) -> {
          peak.accumulateAndGet(running.incrementAndGet(), Math::max);
          threeRunning.countDown();
          release.await(); // hold every worker until the test has seen the limit reached
          running.decrementAndGet();
          return finished.incrementAndGet() == 10 ? new Done("all") : null;
        })
        .compile();

    WorkflowHandler<Done> handler = flow.run(new Start(0));
    assertTrue(threeRunning.await(10, TimeUnit.SECONDS));
    release.countDown();

    assertEquals(new Done("all"), handler.result());
    assertEquals(3, peak.get());
  }

  @Test
  void queuedInputsOfASingleWorkerStepRunInArrivalOrder() {
    List<Integer> order = new CopyOnWriteArrayList<>();
    var flow = ScriptedWorkflow.named("Fifo", Start.class, Done.class)
        .step(step("fan", Start.class).emits(Mid.class),
            (ev, ctx) -> IntStream.range(0, 20).mapToObj(Mid::new).toList())
        .step(step("work", Mid.class).emits(Done.class).workers(1), (ev, ctx) -> {
          order.add(((Mid) ev[0]).n());
          return order.size() == 20 ? new Done("ok") : null;
        })
        .compile();

    flow.run(new Start(0)).result();

    assertEquals(IntStream.range(0, 20).boxed().toList(), order);
  }

  @Test
  void manyRunsOfOneWorkflowAreIndependent() {
    var flow = ScriptedWorkflow.named("Many", Start.class, Done.class)
        .step(step("echo", Start.class).emits(Done.class), (ev, ctx) -> new Done(ctx.runId() + ":" + ((Start) ev[0]).n()))
        .compile();

    List<WorkflowHandler<Done>> handlers = IntStream.range(0, 200).mapToObj(i -> flow.run(new Start(i))).toList();

    for (int i = 0; i < handlers.size(); i++) {
      assertEquals(new Done(handlers.get(i).runId() + ":" + i), handlers.get(i).result());
    }
  }
}
