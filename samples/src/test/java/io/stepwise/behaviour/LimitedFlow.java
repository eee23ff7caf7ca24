package io.stepwise.behaviour;

import io.stepwise.Context;
import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * At most two runs at once: each run's one step records that it started, then holds until the
 * test opens its gate (or for a fixed time), so a test sees which runs hold a slot.
 */
@Workflow(name = "limited", numConcurrentRuns = 2, timeout = "3s")
public class LimitedFlow {
  /** Start a job; {@code holdMillis} < 0 holds until {@link #open(int)}. */
  public record Job(int id, long holdMillis) implements StartEvent {}

  public record Began(int id) implements Event {}

  public record JobDone(int id) implements StopEvent {}

  /** The jobs whose step started, in the order they started. */
  final List<Integer> started = new CopyOnWriteArrayList<>();
  private final Map<Integer, CountDownLatch> gates = new ConcurrentHashMap<>();

  void open(int id) {
    gate(id).countDown();
  }

  private CountDownLatch gate(int id) {
    return gates.computeIfAbsent(id, key -> new CountDownLatch(1));
  }

  @Step
  JobDone work(Job job, Context<?> ctx) throws InterruptedException {
    started.add(job.id());
    ctx.writeEventToStream(new Began(job.id()));
    if (job.holdMillis() >= 0) {
      Thread.sleep(job.holdMillis());
    } else if (!gate(job.id()).await(20, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the test did not open the gate of job " + job.id());
    }
    return new JobDone(job.id());
  }
}
