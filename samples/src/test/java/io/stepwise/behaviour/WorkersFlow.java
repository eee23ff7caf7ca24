package io.stepwise.behaviour;

import io.stepwise.Event;
import io.stepwise.StartEvent;
import io.stepwise.StopEvent;
import io.stepwise.annotations.Step;
import io.stepwise.annotations.Workflow;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Eight jobs for a step with two workers. Executions meet at a two-party barrier, so two must
 * run at once or the barrier times out; a third concurrent one would raise the peak above two.
 */
@Workflow
public class WorkersFlow {
  public record Jobs(int count) implements StartEvent {}
  public record Job(int n) implements Event {}
  public record JobDone(int n) implements Event {}
  public record AllDone(int count) implements StopEvent {}

  final AtomicInteger active = new AtomicInteger();
  final AtomicInteger peak = new AtomicInteger();
  private final CyclicBarrier pairs = new CyclicBarrier(2);
  private int finished;
  private int expected;

  @Step
  List<Job> split(Jobs jobs) {
    expected = jobs.count();
    return IntStream.range(0, jobs.count()).mapToObj(Job::new).toList();
  }

  @Step(workers = 2)
  JobDone work(Job job) throws Exception {
    peak.accumulateAndGet(active.incrementAndGet(), Math::max);
    try {
      pairs.await(10, TimeUnit.SECONDS);
      return new JobDone(job.n());
    } finally {
      active.decrementAndGet();
    }
  }

  @Step(workers = 1)
  Optional<AllDone> count(JobDone done) {
    return ++finished == expected ? Optional.of(new AllDone(finished)) : Optional.empty();
  }
}
