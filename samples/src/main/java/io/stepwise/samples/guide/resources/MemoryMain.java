package io.stepwise.samples.guide.resources;

import io.stepwise.samples.guide.resources.MemoryFlow.Begin;
import io.stepwise.samples.guide.resources.MemoryFlow.Stored;

/** Runs {@link MemoryFlow}: prints the result and both messages, stored in the one shared memory. */
public final class MemoryMain {
  private MemoryMain() {}

  public static void main(String[] args) {
    Stored stored = MemoryFlow_Workflow.of(new MemoryFlow()).run(new Begin()).result();
    System.out.println(stored.result());
    stored.messages().forEach(System.out::println);
  }
}
