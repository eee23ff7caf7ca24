package io.stepwise.benchmarks;

import io.stepwise.CompiledWorkflow;
import io.stepwise.benchmarks.flows.ChainFlow;
import io.stepwise.benchmarks.flows.ChainFlow_Workflow;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** S1: one run of a ten-step chain per invocation, reported as time per step. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChainBenchmark {
  private final CompiledWorkflow<ChainFlow.Seed, ChainFlow.Done> workflow = ChainFlow_Workflow.of(new ChainFlow());

  @Benchmark
  @OperationsPerInvocation(ChainFlow.STEPS)
  public int s1Chain() {
    return workflow.run(new ChainFlow.Seed(0)).result().value();
  }
}
