package io.stepwise.peers.langgraph4j;

import static org.bsc.langgraph4j.GraphDefinition.END;
import static org.bsc.langgraph4j.GraphDefinition.START;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.checkpoint.MemorySaver;
import org.bsc.langgraph4j.state.Channel;
import org.bsc.langgraph4j.state.Channels;

/** The design's shapes as LangGraph4j state graphs, written the way its documentation does. */
public final class Graphs {
  private Graphs() {}

  /** S1: {@code steps} nodes in a line, each setting value to value + 1. */
  public static CompiledGraph<Value> chain(int steps) throws GraphStateException {
    StateGraph<Value> graph = new StateGraph<>(Value::new);
    for (int i = 1; i <= steps; i++) {
      graph.addNode("step" + i, node_async(state -> Map.of("value", state.value() + 1)));
    }
    graph.addEdge(START, "step1");
    for (int i = 1; i < steps; i++) {
      graph.addEdge("step" + i, "step" + (i + 1));
    }
    graph.addEdge("step" + steps, END);
    return graph.compile();
  }

  /**
   * S2: LangGraph4j fans out by edges, so {@code events} events are {@code events} parallel
   * nodes after the start node; each appends its mapped item to a channel, and the gathering node
   * counts them.
   */
  public static CompiledGraph<Value> fanOut(int events) throws GraphStateException {
    Map<String, Channel<?>> channels = Map.of("mapped", Channels.<Integer>appenderWithDuplicate(ArrayList::new));
    StateGraph<Value> graph = new StateGraph<>(channels, Value::new);
    graph.addNode("spread", node_async(state -> Map.of("value", events)));
    graph.addNode("gather", node_async(state -> Map.of("count", state.<List<?>>value("mapped").orElseThrow().size())));
    graph.addEdge(START, "spread");
    for (int i = 0; i < events; i++) {
      int item = i;
      graph.addNode("map" + i, node_async(state -> Map.of("mapped", List.of(item * 2))));
      graph.addEdge("spread", "map" + i);
      graph.addEdge("map" + i, "gather");
    }
    graph.addEdge("gather", END);
    return graph.compile();
  }

  /** S3: three nodes whose middle one blocks its thread for {@code blockMillis}. */
  public static CompiledGraph<Value> blocking(long blockMillis) throws GraphStateException {
    return new StateGraph<>(Value::new)
        .addNode("accept", node_async(state -> Map.of("value", state.value() + 1)))
        .addNode("call", node_async(state -> {
          sleep(blockMillis);
          return Map.of("value", state.value() + 1);
        }))
        .addNode("reply", node_async(state -> Map.of("value", state.value() + 1)))
        .addEdge(START, "accept")
        .addEdge("accept", "call")
        .addEdge("call", "reply")
        .addEdge("reply", END)
        .compile();
  }

  /**
   * The paused-run shape: LangGraph4j's human-in-the-loop is an interrupt before the node that
   * needs the answer, with the paused state kept by a checkpoint saver per thread id.
   */
  public static CompiledGraph<Value> paused(MemorySaver saver) throws GraphStateException {
    return new StateGraph<>(Value::new)
        .addNode("ask", node_async(state -> Map.of("question", "approve " + state.value() + "?")))
        .addNode("decide", node_async(state -> Map.of("approved", state.value("answer").isPresent())))
        .addEdge(START, "ask")
        .addEdge("ask", "decide")
        .addEdge("decide", END)
        .compile(CompileConfig.builder().checkpointSaver(saver).interruptBefore("decide").build());
  }

  /**
   * S4: the paused-run shape again, with the JSON state serializer so that its checkpoints can
   * leave the process; "decide" approves when the human's answer says so.
   */
  public static CompiledGraph<Value> hitl(MemorySaver saver, ValueJsonSerializer serializer)
      throws GraphStateException {
    return new StateGraph<>(serializer)
        .addNode("ask", node_async(state -> Map.of("question", "approve " + state.value() + "?")))
        .addNode("decide", node_async(state -> Map.of("approved", state.<Boolean>value("answer").orElse(false))))
        .addEdge(START, "ask")
        .addEdge("ask", "decide")
        .addEdge("decide", END)
        .compile(CompileConfig.builder().checkpointSaver(saver).interruptBefore("decide").build());
  }

  /** S5: two nodes. */
  public static CompiledGraph<Value> hello() throws GraphStateException {
    return chain(2);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
