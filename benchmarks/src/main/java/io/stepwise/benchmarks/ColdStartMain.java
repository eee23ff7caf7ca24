package io.stepwise.benchmarks;

import io.stepwise.benchmarks.flows.HelloFlow;
import io.stepwise.benchmarks.flows.HelloFlow_Workflow;

/** S5's program: a fresh JVM runs a two-step workflow once, prints the result and exits. */
public final class ColdStartMain {
  private ColdStartMain() {}

  public static void main(String[] args) {
    System.out.println(HelloFlow_Workflow.of(new HelloFlow()).run(new HelloFlow.Hello("world")).result().text());
  }
}
