package io.stepwise.peers.langgraph4j;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.openjdk.jmh.annotations.*;

/** S1 with LangGraph4j: one invoke of a ten-node chain, reported per node. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChainBenchmark {
  private CompiledGraph<Value> graph;

  @Setup
  public void compile() throws GraphStateException {
    graph = Graphs.chain(10);
  }

  @Benchmark
  @OperationsPerInvocation(10)
  public int s1Chain() {
    return graph.invoke(Map.of("value", 0)).orElseThrow().value();
  }
}
