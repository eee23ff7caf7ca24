package io.stepwise.peers.langgraph4j;

import java.util.Map;

/** S5 with LangGraph4j: a fresh JVM builds a two-node graph, invokes it once and exits. */
public final class ColdStartMain {
  private ColdStartMain() {}

  public static void main(String[] args) throws Exception {
    System.out.println(Graphs.hello().invoke(Map.of("value", 0)).orElseThrow().value());
  }
}
