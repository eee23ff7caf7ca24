package io.stepwise.benchmarks;

import io.stepwise.CompiledWorkflow;
import io.stepwise.Snapshot;
import io.stepwise.WorkflowHandler;
import io.stepwise.benchmarks.flows.PausedFlow;
import io.stepwise.benchmarks.flows.PausedFlow_Workflow;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * S4: one human-in-the-loop cycle per invocation: run to the input-required event, snapshot to
 * JSON, cancel, restore from the JSON, answer, and await the result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HitlCycleBenchmark {
  private final CompiledWorkflow<PausedFlow.Ticket, PausedFlow.Decision> workflow =
      PausedFlow_Workflow.of(new PausedFlow());

  @Benchmark
  public boolean s4Hitl() {
    WorkflowHandler<PausedFlow.Decision> run = workflow.run(new PausedFlow.Ticket(7));
    run.events().iterator().next(); // the question: the run is paused
    String json = run.snapshot().toJson();
    run.cancel();
    WorkflowHandler<PausedFlow.Decision> resumed = workflow.resume(Snapshot.fromJson(json));
    resumed.sendEvent(new PausedFlow.Answer(7, true));
    return resumed.result().approved();
  }
}
