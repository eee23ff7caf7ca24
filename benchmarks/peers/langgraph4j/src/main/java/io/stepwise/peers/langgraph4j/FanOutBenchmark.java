package io.stepwise.peers.langgraph4j;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.openjdk.jmh.annotations.*;

/** S2 with LangGraph4j: one invoke of the fan-out graph, and, apart, building that graph. */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FanOutBenchmark {
  @Param("10000")
  public int events;

  private CompiledGraph<Value> graph;

  @Setup
  public void compile() throws GraphStateException {
    graph = Graphs.fanOut(events);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  public int s2FanOut() {
    int gathered = graph.invoke(Map.of("value", 0)).orElseThrow().<Integer>value("count").orElseThrow();
    if (gathered != events) {
      throw new IllegalStateException("gathered " + gathered + " of " + events);
    }
    return gathered;
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  public CompiledGraph<Value> s2BuildGraph() throws GraphStateException {
    return Graphs.fanOut(events);
  }

}
