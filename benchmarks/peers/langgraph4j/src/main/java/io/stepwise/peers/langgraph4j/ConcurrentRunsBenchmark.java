package io.stepwise.peers.langgraph4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.openjdk.jmh.annotations.*;

/**
 * S3 with LangGraph4j: {@code runs} invokes at once, each on a virtual thread (invoke blocks its
 * caller), wall time until the last one returns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConcurrentRunsBenchmark {
  @Param("1000")
  public int runs;

  @Param("10")
  public long blockMillis;

  private CompiledGraph<Value> graph;

  @Setup
  public void compile() throws GraphStateException {
    graph = Graphs.blocking(blockMillis);
  }

  @Benchmark
  public int s3Concurrent() throws InterruptedException, ExecutionException {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Integer>> started = new ArrayList<>(runs);
      for (int i = 0; i < runs; i++) {
        int id = i;
        started.add(threads.submit(() -> graph.invoke(Map.of("value", id)).orElseThrow().value()));
      }
      int sum = 0;
      for (Future<Integer> run : started) {
        sum += run.get();
      }
      return sum;
    }
  }
}
