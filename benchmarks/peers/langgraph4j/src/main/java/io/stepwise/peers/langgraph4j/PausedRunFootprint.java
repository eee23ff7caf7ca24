package io.stepwise.peers.langgraph4j;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.checkpoint.MemorySaver;

/**
 * Heap retained per paused LangGraph4j run: {@code runs} threads interrupted before the node that
 * needs a human's answer, their checkpoints held by a {@link MemorySaver}. Same method as
 * Stepwise's PausedRunFootprint: growth of the heap that survives a full GC, divided by runs.
 */
public final class PausedRunFootprint {
  private PausedRunFootprint() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    pause(Graphs.paused(new MemorySaver()), "warmup-", Math.min(runs, 1_000)); // load classes first
    MemorySaver saver = new MemorySaver();
    CompiledGraph<Value> graph = Graphs.paused(saver);
    long before = retainedHeap();
    pause(graph, "run-", runs);
    long after = retainedHeap();
    System.out.println("footprint-bytes-per-run " + (after - before) / runs);
    if (graph.getState(config("run-0")).next().isEmpty()) {
      throw new IllegalStateException("run-0 is not paused");
    }
  }

  private static void pause(CompiledGraph<Value> graph, String prefix, int runs) {
    for (int i = 0; i < runs; i++) {
      graph.invoke(Map.of("value", i), config(prefix + i)); // returns at the interrupt
    }
  }

  private static RunnableConfig config(String threadId) {
    return RunnableConfig.builder().threadId(threadId).build();
  }

  private static long retainedHeap() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int round = 0; round < 4; round++) {
      System.gc();
      Thread.sleep(50);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
