package io.stepwise.benchmarks;

import io.stepwise.CompiledWorkflow;
import io.stepwise.WorkflowHandler;
import io.stepwise.benchmarks.flows.BlockingFlow;
import io.stepwise.benchmarks.flows.BlockingFlow_Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * S3: wall time from starting {@code runs} runs at once until the last result, each run having
 * a middle step that blocks {@code blockMillis}. The floor is one block.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConcurrentRunsBenchmark {
  @Param("1000")
  public int runs;

  @Param("10")
  public long blockMillis;

  private final CompiledWorkflow<BlockingFlow.Request, BlockingFlow.Handled> workflow = BlockingFlow_Workflow.of(new BlockingFlow());

  @Benchmark
  public int s3Concurrent() {
    List<WorkflowHandler<BlockingFlow.Handled>> started = new ArrayList<>(runs);
    for (int i = 0; i < runs; i++) {
      started.add(workflow.run(new BlockingFlow.Request(i, blockMillis)));
    }
    int sum = 0;
    for (WorkflowHandler<BlockingFlow.Handled> run : started) {
      sum += run.result().id();
    }
    return sum;
  }
}
