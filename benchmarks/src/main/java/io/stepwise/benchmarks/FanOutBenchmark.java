package io.stepwise.benchmarks;

import io.stepwise.CompiledWorkflow;
import io.stepwise.benchmarks.flows.FanOutFlow;
import io.stepwise.benchmarks.flows.FanOutFlow_Workflow;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** S2: one run that fans out {@code events} events, maps each and gathers them all. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FanOutBenchmark {
  @Param("10000")
  public int events;

  private final CompiledWorkflow<FanOutFlow.Burst, FanOutFlow.Gathered> workflow = FanOutFlow_Workflow.of(new FanOutFlow());

  @Benchmark
  public int s2FanOut() {
    int gathered = workflow.run(new FanOutFlow.Burst(events)).result().count();
    if (gathered != events) {
      throw new IllegalStateException("gathered " + gathered + " of " + events + " events");
    }
    return gathered;
  }
}
